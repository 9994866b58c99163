// node:tty
exports.isatty = (fd) => Number.isInteger(fd) && native.process.isatty(fd);
