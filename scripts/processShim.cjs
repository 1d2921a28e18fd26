// The little of Node's `process` that exceljs's stream code asks for in the browser bundle.
module.exports = { env: {}, browser: true, version: '', versions: {}, nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)) };
