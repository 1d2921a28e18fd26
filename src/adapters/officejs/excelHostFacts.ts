import type { HostFacts } from '../../host/lazyHost';
import { detectFeatures, featureWarnings } from './requirements';
import { deliveryFor } from './deliverFiles';

/** What 下发 says where the add-in can neither save nor open files. */
export const DISTRIBUTE_BY_CLI =
  '此版本 Excel 不能由加载项新建工作簿（需要 ExcelApi 1.8）。请保存本工作簿，在命令行运行：duban split 工作簿.xlsx -d 下发，把生成的“台账-单位.xlsx”发给各单位。';

/**
 * What this Excel allows, known before any action runs: the pane's first screen shows it, and
 * the actions (loaded later, see lazyHost) obey the same answers. Light on purpose: it is part of
 * the script the pane starts with.
 */
export function excelHostFacts(isSetSupported: (name: string, version: string) => boolean, platform: string | null): HostFacts {
  // Excel on the web (and a plain browser) saves downloads; desktop Excel opens new windows with
  // Excel.createWorkbook (ExcelApi 1.8); with neither, 下发 says how to split with the CLI.
  const delivery = deliveryFor(platform, isSetSupported('ExcelApi', '1.8'));
  return {
    unavailableReason: isSetSupported('ExcelApi', '1.7') ? null : '此版本 Excel 过旧（需要 ExcelApi 1.7，即 Excel 2019、Microsoft 365 或网页版 Excel）。',
    warnings: featureWarnings(detectFeatures(isSetSupported)),
    distributeUnavailable: delivery === null ? DISTRIBUTE_BY_CLI : null,
    distributeDelivery: delivery,
  };
}

/** `Office.context.platform` (`PC`, `Mac`, `OfficeOnline`…), or null outside Office (a browser test). */
export function officePlatform(): string | null {
  if (typeof Office === 'undefined' || !Office.context) return null;
  return Office.context.platform ? String(Office.context.platform) : null;
}

export function defaultIsSetSupported(name: string, version: string): boolean {
  // Outside Office (a browser test with an injected Excel) there is no requirements API: assume current Excel.
  if (typeof Office === 'undefined' || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported(name, version);
}
