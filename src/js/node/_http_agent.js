// node:_http_agent, the module Node's http is made of (internal/http/agent.js).
const agents = require('internal/http/agent');
module.exports = {
  Agent: agents.Agent,
  get globalAgent() {
    return agents.globalAgent;
  },
  set globalAgent(agent) {
    agents.globalAgent = agent;
  },
};
