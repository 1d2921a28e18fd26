/**
 * The bundled example: the Tianjin 2020 task-division notice (50 items, 120 tasks), loaded on
 * demand so the pane's first render does not wait for it.
 */
export async function loadExampleNotice(): Promise<{ name: string; text: string }> {
  const { default: text } = await import(/* webpackChunkName: "example" */ '../../seeds/tianjin-2020-task-division.txt');
  return { name: '示例：天津市2020年重点工作任务分工.txt', text };
}
