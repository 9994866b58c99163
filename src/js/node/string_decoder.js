// node:string_decoder
module.exports = { StringDecoder: require('internal/stream').StringDecoder };
