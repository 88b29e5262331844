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
