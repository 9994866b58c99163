// node:_http_agent, the module Node's http is made of (internal/http/agent.js).
const { Agent, globalAgent } = require('internal/http/agent');
module.exports = { Agent, globalAgent };
