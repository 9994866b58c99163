// node:http. The parts: internal/http/common.js (the parser, tables and
// validation), incoming.js, outgoing.js, server.js, client.js, agent.js.

const common = require('internal/http/common');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage } = require('internal/http/outgoing');
const { Server, ServerResponse, connectionListener } = require('internal/http/server');
const { ClientRequest, Agent } = require('internal/http/client');

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

function request(url, options, callback) {
  return new ClientRequest(url, options, callback);
}

function get(url, options, callback) {
  const req = request(url, options, callback);
  req.end();
  return req;
}

module.exports = {
  _connectionListener: connectionListener,
  METHODS: common.METHODS.toSorted(),
  STATUS_CODES: common.STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName: common.validateHeaderName,
  validateHeaderValue: common.validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers(max) {
    common.validateInteger(max, 'max', 1);
    common.parsers.max = max;
  },
  maxHeaderSize: common.maxHeaderSize,
};
// Setting http.globalAgent changes the agent requests use by default.
const agents = require('internal/http/agent');
Object.defineProperty(module.exports, 'globalAgent', {
  get: () => agents.globalAgent,
  set: (agent) => {
    agents.globalAgent = agent;
  },
  enumerable: true,
  configurable: true,
});
