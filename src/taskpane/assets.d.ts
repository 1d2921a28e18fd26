/** Text files bundled as strings (webpack `asset/source`; jest maps them with tests/support/rawText.cjs). */
declare module '*.txt' {
  const text: string;
  export default text;
}
