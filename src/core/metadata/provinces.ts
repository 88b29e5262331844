/**
 * China's 34 provincial-level divisions: canonical short name, English name, and the full forms a
 * text may use. The short name (广东, 北京, 新疆) is how tables spell a province.
 */
export interface Province {
  name: string;
  en: string;
  full: string[];
}

export const PROVINCES: Province[] = [
  { name: '北京', en: 'Beijing', full: ['北京市'] },
  { name: '天津', en: 'Tianjin', full: ['天津市'] },
  { name: '河北', en: 'Hebei', full: ['河北省'] },
  { name: '山西', en: 'Shanxi', full: ['山西省'] },
  { name: '内蒙古', en: 'Inner Mongolia', full: ['内蒙古自治区'] },
  { name: '辽宁', en: 'Liaoning', full: ['辽宁省'] },
  { name: '吉林', en: 'Jilin', full: ['吉林省'] },
  { name: '黑龙江', en: 'Heilongjiang', full: ['黑龙江省'] },
  { name: '上海', en: 'Shanghai', full: ['上海市'] },
  { name: '江苏', en: 'Jiangsu', full: ['江苏省'] },
  { name: '浙江', en: 'Zhejiang', full: ['浙江省'] },
  { name: '安徽', en: 'Anhui', full: ['安徽省'] },
  { name: '福建', en: 'Fujian', full: ['福建省'] },
  { name: '江西', en: 'Jiangxi', full: ['江西省'] },
  { name: '山东', en: 'Shandong', full: ['山东省'] },
  { name: '河南', en: 'Henan', full: ['河南省'] },
  { name: '湖北', en: 'Hubei', full: ['湖北省'] },
  { name: '湖南', en: 'Hunan', full: ['湖南省'] },
  { name: '广东', en: 'Guangdong', full: ['广东省'] },
  { name: '广西', en: 'Guangxi', full: ['广西壮族自治区'] },
  { name: '海南', en: 'Hainan', full: ['海南省'] },
  { name: '重庆', en: 'Chongqing', full: ['重庆市'] },
  { name: '四川', en: 'Sichuan', full: ['四川省'] },
  { name: '贵州', en: 'Guizhou', full: ['贵州省'] },
  { name: '云南', en: 'Yunnan', full: ['云南省'] },
  { name: '西藏', en: 'Tibet', full: ['西藏自治区'] },
  { name: '陕西', en: 'Shaanxi', full: ['陕西省'] },
  { name: '甘肃', en: 'Gansu', full: ['甘肃省'] },
  { name: '青海', en: 'Qinghai', full: ['青海省'] },
  { name: '宁夏', en: 'Ningxia', full: ['宁夏回族自治区'] },
  { name: '新疆', en: 'Xinjiang', full: ['新疆维吾尔自治区'] },
  { name: '台湾', en: 'Taiwan', full: ['台湾省'] },
  { name: '香港', en: 'Hong Kong', full: ['香港特别行政区'] },
  { name: '澳门', en: 'Macao', full: ['澳门特别行政区'] },
];

/** The value used for the province of central-government documents. */
export const NATIONAL = '全国';

/** Maps any spelling of a province (广东省, 广东, Guangdong, guangdong) to its short name, or null. */
export function canonicalProvince(value: string): string | null {
  const v = value.trim();
  if (v.length === 0) return null;
  if (['全国', '国家', '中央', 'national', 'National', 'China', '中国'].includes(v) || /^国家[(（]/.test(v)) return NATIONAL;
  const lower = v.toLowerCase();
  for (const p of PROVINCES) {
    if (v === p.name || p.full.includes(v) || lower === p.en.toLowerCase()) return p.name;
  }
  // "广东(东莞市)" or "广东省东莞市": the province is the prefix.
  for (const p of PROVINCES) {
    if (v.startsWith(p.name)) return p.name;
  }
  return null;
}

/**
 * The one-character abbreviations that open a 文号 (粤府办〔2020〕12号), with every place each may
 * stand for. Several collide: 宁 is Ningxia and Nanjing, 青 Qinghai, Qingdao and Qingtian county
 * (青政发), 长 Changsha and Changchun, 苏 Jiangsu and Suzhou; an ambiguous prefix only supports a
 * place that other evidence names, it never decides alone.
 */
export const DOC_NUMBER_PREFIXES: Record<string, string[]> = {
  京: ['北京'], 津: ['天津'], 冀: ['河北'], 晋: ['山西'], 内: ['内蒙古'], 辽: ['辽宁'], 吉: ['吉林'], 黑: ['黑龙江'],
  沪: ['上海'], 苏: ['江苏'], 浙: ['浙江'], 皖: ['安徽'], 闽: ['福建'], 赣: ['江西'], 鲁: ['山东'], 豫: ['河南'],
  鄂: ['湖北'], 湘: ['湖南'], 粤: ['广东'], 桂: ['广西'], 琼: ['海南'], 渝: ['重庆'], 川: ['四川'], 黔: ['贵州'],
  云: ['云南'], 藏: ['西藏'], 陕: ['陕西'], 甘: ['甘肃'], 青: ['青海', '山东', '浙江'], 宁: ['宁夏', '江苏'], 新: ['新疆'],
  // City abbreviations in common use.
  榕: ['福建'], 穗: ['广东'], 深: ['广东'], 莞: ['广东'], 厦: ['福建'], 甬: ['浙江'], 杭: ['浙江'], 筑: ['贵州'],
  蓉: ['四川'], 邕: ['广西'], 昆: ['云南'], 并: ['山西'], 郑: ['河南'], 武: ['湖北'], 长: ['湖南', '吉林'],
  沈: ['辽宁'], 哈: ['黑龙江'], 济: ['山东'], 兰: ['甘肃'], 银: ['宁夏'], 呼: ['内蒙古'], 锡: ['江苏'],
};
