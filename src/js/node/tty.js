// node:tty
exports.isatty = (fd) => Number.isInteger(fd) && native.isatty(fd);
