import type { DeadlineKind, Role, Severity } from './types';

/** The Chinese words users know, one table per concept, shared by the CLI, the workbook and the pane. */
export const ROLE_LABEL: Record<Role, string> = { lead: '牵头', joint: '负责', support: '配合', each: '分别负责' };

export const DEADLINE_KIND_LABEL: Record<DeadlineKind, string> = {
  by: '限期完成',
  policy: '限期出台政策',
  ongoing: '持续推进',
  monthly: '逐月调度',
  point: '时点',
  timely: '适时',
  unknown: '待明确',
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
