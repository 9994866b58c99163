// node:http. The parts: internal/http/common.js (the parser, tables and
// validation), incoming.js, outgoing.js, server.js, client.js, agent.js.

const common = require('internal/http/common');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage } = require('internal/http/outgoing');
const { Server, ServerResponse, connectionListener } = require('internal/http/server');
const { ClientRequest, Agent, globalAgent } = require('internal/http/client');

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
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
      throw require('internal/errors').codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "max" is out of range. It must be >= 1 && <= ${2 ** 53 - 1}. Received ${max}`);
    }
  },
  maxHeaderSize: common.maxHeaderSize,
  globalAgent,
};
Object.defineProperty(module.exports, 'globalAgent', {
  get: () => require('internal/http/agent').globalAgent,
  enumerable: true,
  configurable: true,
});
