// Jest transform: a bundled text file is its content as a string, as webpack's asset/source gives it.
module.exports = {
  process(source) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(source)} };` };
  },
};
