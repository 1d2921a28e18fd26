/** Header words that say a column is not part of the division of work: read neither by header nor by content. */

/** `责任人`, `联系人及电话`, `牵头领导`: columns of people, never of units. */
export const PERSON_COLUMN = /(?:责任人|联系人|负责人|领导|电话|手机|签字)/;

/** `工作进展`, `完成情况`, `备注说明`, `推广范围`: what a ledger reports or a note, never the division of work. */
export const REPORT_WORD = /情况|进展|进度|备注|说明|成效|问题|佐证|评价|得分|结果|状态|依据|范围|文件|标准/;

/**
 * A header that names a column of people or of notes: its long texts are no task, its names no units
 * (a Word notice's contact table `单位 | 联系人 | 备注` stays prose).
 */
export const neverRead = (header: string): boolean => {
  const key = header.replace(/\s+/g, '');
  return PERSON_COLUMN.test(key) || (key.length <= 8 && REPORT_WORD.test(key) && !/时限|时间|期限|节点|日期/.test(key));
};
