import type { UnitCategory } from '../notice/types';

export type DirectoryEntry = {
  /** Canonical short name as notices write it: `市发展改革委`. */
  name: string;
  fullName: string;
  aliases: string[];
  category: UnitCategory;
  /** Display order (the usual order of a Tianjin notice: government departments, then central units, then people's organisations). */
  order: number;
  /**
   * The place whose notices use this entry's full name and aliases (`天津`): another city's
   * `市人力资源和社会保障局` keeps its name (DESIGN §4). Absent: the entry applies to every notice.
   */
  scope?: string;
};

type Row = [name: string, fullName: string, aliases: string[], category: UnitCategory];

/**
 * The units of the seed notice (天津 2020). A workbook's `单位名录` sheet overrides and extends it.
 * `天津市X` ⇐ `市X` is handled generically by the lookup, so it is not repeated in the aliases.
 */
const ROWS: Row[] = [
  ['市政府各部门', '天津市人民政府各部门', ['市政府各委、办、局', '市政府各委办局'], 'group'],
  ['各区人民政府', '天津市各区人民政府', ['各区政府'], 'group'],
  ['有关部门', '有关部门', ['相关部门', '有关单位', '各有关部门'], 'placeholder'],
  ['市发展改革委', '天津市发展和改革委员会', ['市发改委', '市发展和改革委员会'], 'municipal'],
  ['市教委', '天津市教育委员会', ['市教育委员会'], 'municipal'],
  ['市科技局', '天津市科学技术局', ['市科学技术局'], 'municipal'],
  ['市工业和信息化局', '天津市工业和信息化局', ['市工信局'], 'municipal'],
  ['市民族宗教委', '天津市民族和宗教事务委员会', ['市民宗委'], 'municipal'],
  ['市公安局', '天津市公安局', [], 'municipal'],
  ['市民政局', '天津市民政局', [], 'municipal'],
  ['市司法局', '天津市司法局', [], 'municipal'],
  ['市财政局', '天津市财政局', [], 'municipal'],
  ['市人社局', '天津市人力资源和社会保障局', ['市人力资源社会保障局', '市人力资源和社会保障局'], 'municipal'],
  ['市规划资源局', '天津市规划和自然资源局', ['市规划和自然资源局'], 'municipal'],
  ['市生态环境局', '天津市生态环境局', [], 'municipal'],
  ['市住房城乡建设委', '天津市住房和城乡建设委员会', ['市住建委', '市住房和城乡建设委员会'], 'municipal'],
  ['市城市管理委', '天津市城市管理委员会', ['市城管委'], 'municipal'],
  ['市交通运输委', '天津市交通运输委员会', ['市交通委'], 'municipal'],
  ['市水务局', '天津市水务局', [], 'municipal'],
  ['市农业农村委', '天津市农业农村委员会', ['市农委'], 'municipal'],
  ['市商务局', '天津市商务局', [], 'municipal'],
  ['市文化和旅游局', '天津市文化和旅游局', ['市文旅局'], 'municipal'],
  ['市卫生健康委', '天津市卫生健康委员会', ['市卫健委'], 'municipal'],
  ['市退役军人局', '天津市退役军人事务局', ['市退役军人事务局'], 'municipal'],
  ['市应急局', '天津市应急管理局', ['市应急管理局'], 'municipal'],
  ['市审计局', '天津市审计局', [], 'municipal'],
  ['市外办', '天津市人民政府外事办公室', ['市政府外办'], 'municipal'],
  ['市国资委', '天津市人民政府国有资产监督管理委员会', ['市政府国资委'], 'municipal'],
  ['市市场监管委', '天津市市场监督管理委员会', ['市市场监督管理委员会'], 'municipal'],
  ['市体育局', '天津市体育局', [], 'municipal'],
  ['市统计局', '天津市统计局', [], 'municipal'],
  ['市医保局', '天津市医疗保障局', ['市医疗保障局'], 'municipal'],
  ['市信访办', '天津市信访办公室', [], 'municipal'],
  ['市政务服务办', '天津市政务服务办公室', [], 'municipal'],
  ['市合作交流办', '天津市合作交流办公室', [], 'municipal'],
  ['市金融局', '天津市地方金融监督管理局', ['市地方金融监管局', '市金融工作局'], 'municipal'],
  ['市港澳办', '天津市人民政府港澳事务办公室', [], 'municipal'],
  ['市台办', '天津市人民政府台湾事务办公室', [], 'municipal'],
  ['市国防科技工业办公室', '天津市国防科技工业办公室', ['市国防科工办'], 'municipal'],
  ['市税务局', '国家税务总局天津市税务局', [], 'central'],
  ['人民银行天津分行', '中国人民银行天津分行', ['人行天津分行'], 'central'],
  ['天津海关', '中华人民共和国天津海关', [], 'central'],
  ['天津银保监局', '中国银行保险监督管理委员会天津监管局', [], 'central'],
  ['天津证监局', '中国证券监督管理委员会天津监管局', [], 'central'],
  ['市通信管理局', '天津市通信管理局', [], 'central'],
  ['市邮政管理局', '天津市邮政管理局', [], 'central'],
  ['市地震局', '天津市地震局', [], 'central'],
  ['市气象局', '天津市气象局', [], 'central'],
  ['国家开发银行天津市分行', '国家开发银行天津市分行', ['国开行天津分行'], 'central'],
  ['中国进出口银行天津分行', '中国进出口银行天津分行', ['进出口银行天津分行'], 'central'],
  ['农业发展银行天津分行', '中国农业发展银行天津市分行', ['农发行天津分行'], 'central'],
  ['市工商联', '天津市工商业联合会', [], 'other'],
  ['市妇联', '天津市妇女联合会', [], 'other'],
  ['市残联', '天津市残疾人联合会', [], 'other'],
  ['市红十字会', '天津市红十字会', [], 'other'],
];

/** The seed's city: its short forms (`市人社局`, `市城市管理委`) are Tianjin's, not every city's. */
export const BUILTIN_SCOPE = '天津';

export const BUILTIN_DIRECTORY: readonly DirectoryEntry[] = ROWS.map(([name, fullName, aliases, category], order) => ({
  name,
  fullName,
  aliases,
  category,
  order,
  scope: BUILTIN_SCOPE,
}));
