import type { SummaryReport } from '../summary/summarize';

/**
 * The 通报 (DESIGN §12, Circular) as a document model: what it says, in order, with no layout.
 * The Word writer and the `通报` sheet render the same model, so the CLI and the pane say the
 * same words.
 */

/** A paragraph of the body; `lead` is an in-line second-level heading (`（一）市财政局。`) set in 楷体. */
export type CircularParagraph = { kind: 'paragraph'; text: string; lead?: string; draft?: boolean };
/** A first-level heading (`一、总体情况`), set in 黑体. */
export type CircularHeading = { kind: 'heading'; text: string };
export type CircularBlock = CircularParagraph | CircularHeading;

/** An attachment (附件): a titled table. `widths` are relative column widths. */
export type CircularTable = { title: string; header: string[]; rows: string[][]; widths: number[]; note?: string };

export type Circular = {
  /** `关于…重点任务推进情况的通报（2020年12月）` */
  title: string;
  /** The title broken where it reads well (after the notice's name), for a layout that centres each line. */
  titleLines: string[];
  /** `2020年12月` */
  period: string;
  asOf: string;
  /** `各责任单位：` */
  addressees: string;
  body: CircularBlock[];
  /** The 附件 line under the body (`附件：1. 逾期任务清单`), one entry per attachment. */
  attachmentList: string[];
  /** 发文机关署名 (a placeholder the office replaces) and 成文日期. */
  signature: { issuer: string; date: string };
  attachments: CircularTable[];
  /** The overall figures the circular cites: `summary --json`'s `overall`, unchanged. */
  figures: SummaryReport['overall'];
};

/** A target behind the calendar (慢于序时), as the supervision loop reports it (DESIGN §12, Pace). */
export type BehindPace = {
  /** 任务编号 the target belongs to. */
  task: string;
  /** 指标 as 量化指标 names it. */
  name: string;
  /** Responsible units, as the target's task lists them. */
  units: string[];
  /** 完成进度 and 序时进度, both in [0, 1]. */
  progress: number;
  pace: number;
};

/** The reporting round (DESIGN §12, Rounds), when the workbook holds 报送记录. */
export type Reporting = {
  /** `2020年12月` (本期). */
  period: string;
  /** 报送截止日, ISO. */
  due: string;
  notReported: string[];
  late: string[];
};
