import type { AdminLevel } from '../types.js';
import { PROVINCES } from './provinces.js';

/**
 * Every prefecture-level division of the mainland (cities, autonomous prefectures, 地区, 盟) with its
 * province, and the county-level places policy texts of the development corpus name or collide with.
 *
 * One entry per place, written `full|short|short`:
 * - a bare name such as `东莞` stands for 东莞市 and also matches the bare 东莞;
 * - `朝阳*` matches only 朝阳市: the bare word is too common or names another place (朝阳区 in Beijing);
 * - autonomous prefectures list their full name first and the short forms texts use (巴州, 巴音郭楞).
 */
const PREFECTURES: Record<string, string> = {
  河北: '石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水',
  山西: '太原 大同* 阳泉 长治* 晋城 朔州 晋中 运城 忻州 临汾 吕梁',
  内蒙古:
    '呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安盟 锡林郭勒盟|锡林郭勒 阿拉善盟|阿拉善',
  辽宁: '沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳* 葫芦岛',
  吉林: '长春 吉林* 四平 辽源 通化 白山* 松原 白城 延边朝鲜族自治州|延边州|延边',
  黑龙江: '哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆* 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭地区|大兴安岭',
  江苏: '南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁',
  浙江: '杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水',
  安徽: '合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山* 滁州 阜阳 宿州 六安 亳州 池州 宣城',
  福建: '福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德',
  江西: '南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶',
  山东: '济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照* 临沂 德州 聊城 滨州 菏泽',
  河南: '郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店',
  湖北: '武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施土家族苗族自治州|恩施州|恩施',
  湖南: '长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西土家族苗族自治州|湘西州',
  广东: '广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山* 潮州 揭阳 云浮',
  广西: '南宁 柳州 桂林 梧州 北海* 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾* 崇左',
  海南: '海口 三亚 三沙 儋州',
  四川:
    '成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 ' +
    '阿坝藏族羌族自治州|阿坝州|阿坝 甘孜藏族自治州|甘孜州|甘孜 凉山彝族自治州|凉山州|凉山',
  贵州:
    '贵阳 六盘水 遵义 安顺 毕节 铜仁 黔西南布依族苗族自治州|黔西南州|黔西南 黔东南苗族侗族自治州|黔东南州|黔东南 ' +
    '黔南布依族苗族自治州|黔南州',
  云南:
    '昆明 曲靖 玉溪 保山 昭通 丽江 普洱* 临沧 楚雄彝族自治州|楚雄州|楚雄 红河哈尼族彝族自治州|红河州 文山壮族苗族自治州|文山州 ' +
    '西双版纳傣族自治州|西双版纳州|西双版纳 大理白族自治州|大理州 德宏傣族景颇族自治州|德宏州|德宏 怒江傈僳族自治州|怒江州 ' +
    '迪庆藏族自治州|迪庆州|迪庆',
  西藏: '拉萨 日喀则 昌都 林芝 山南* 那曲 阿里地区',
  陕西: '西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康* 商洛',
  甘肃: '兰州 嘉峪关 金昌 白银* 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏回族自治州|临夏州|临夏 甘南藏族自治州|甘南州',
  青海:
    '西宁 海东* 海北藏族自治州|海北州 黄南藏族自治州|黄南州 海南藏族自治州|海南州 果洛藏族自治州|果洛州|果洛 ' +
    '玉树藏族自治州|玉树州 海西蒙古族藏族自治州|海西州',
  宁夏: '银川 石嘴山 吴忠 固原 中卫',
  新疆:
    '乌鲁木齐 克拉玛依 吐鲁番 哈密 阿克苏地区|阿克苏 喀什地区|喀什 和田地区|和田 塔城地区|塔城 阿勒泰地区|阿勒泰 ' +
    '昌吉回族自治州|昌吉州|昌吉 博尔塔拉蒙古自治州|博州|博尔塔拉 巴音郭楞蒙古自治州|巴州|巴音郭楞州|巴音郭楞 ' +
    '伊犁哈萨克自治州|伊犁州|伊犁 克孜勒苏柯尔克孜自治州|克州|克孜勒苏',
};

/**
 * County-level places (counties, county-level cities, districts) that the corpus names, that
 * collide with a prefix of another place (长沙县 is not 长沙市; 青田县 is not 青海), or that appear often
 * in policy collections. Written with their suffix; listed per province.
 */
const COUNTIES: Record<string, string> = {
  北京: '东城区 西城区 朝阳区 海淀区 丰台区 石景山区 通州区 顺义区 大兴区 昌平区 房山区 门头沟区 怀柔区 平谷区 密云区 延庆区',
  上海: '浦东新区 黄浦区 徐汇区 长宁区 静安区 虹口区 杨浦区 闵行区 宝山区 嘉定区 金山区 松江区 青浦区 奉贤区 崇明区',
  天津: '滨海新区 和平区 南开区 东丽区 西青区 津南区 北辰区 武清区 宝坻区 宁河区 静海区 蓟州区',
  重庆: '渝中区 沙坪坝区 九龙坡区 渝北区 巴南区 万州区 涪陵区 永川区 合川区 江津区 綦江区 两江新区',
  福建: '明溪县 晋江市 石狮市 福清市 长乐区 平潭县',
  湖南: '长沙县 浏阳市 宁乡市 醴陵市',
  浙江: '青田县 义乌市 余姚市 慈溪市 乐清市 瑞安市 诸暨市 萧山区 余杭区 德清县 安吉县',
  江苏: '昆山市 江阴市 张家港市 常熟市 太仓市 宜兴市 江宁区 浦口区',
  广东: '顺德区 南海区 增城区 从化区 惠东县 博罗县',
  河南: '济源市',
  湖北: '仙桃市 潜江市 天门市 神农架林区',
  河北: '雄安新区 定州市 辛集市',
  海南: '琼海市 文昌市 万宁市 五指山市 东方市',
  新疆: '石河子市 库尔勒市',
  四川: '都江堰市 彭州市',
  山东: '即墨区 胶州市 寿光市',
};

export interface Place {
  /** The form found in the text (东莞市, 巴州, 明溪县). */
  name: string;
  /** Offset of the name in the searched string. */
  at: number;
  province: string;
  level: AdminLevel;
}

interface PlaceForm {
  form: string;
  province: string;
  level: AdminLevel;
}

function placeForms(): PlaceForm[] {
  const forms: PlaceForm[] = [];
  for (const [province, list] of Object.entries(PREFECTURES)) {
    for (const entry of list.split(/\s+/).filter(Boolean)) {
      const [first, ...shorts] = entry.split('|') as [string, ...string[]];
      const name = first.replace(/\*$/, '');
      const city = shorts.length === 0 && !/(盟|地区)$/.test(name);
      const names = city ? [`${name}市`, ...(first.endsWith('*') ? [] : [name])] : [name, ...shorts];
      for (const form of names) forms.push({ form, province, level: 'prefecture' });
    }
  }
  for (const p of PROVINCES) {
    for (const form of [p.name, ...p.full]) forms.push({ form, province: p.name, level: 'provincial' });
  }
  for (const [province, list] of Object.entries(COUNTIES)) {
    for (const form of list.split(/\s+/).filter(Boolean)) forms.push({ form, province, level: 'county' });
  }
  return forms;
}

const FORMS = placeForms();
const BY_FORM = new Map(FORMS.map((f) => [f.form, f]));
// Longest first, so that 长沙县 wins over 长沙 and 巴音郭楞蒙古自治州 over 巴音郭楞.
const PLACE_PATTERN = new RegExp(
  [...BY_FORM.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|'),
  'g',
);

/** Every province, prefecture or listed county named in `s`, left to right, the longest form at each spot. */
export function findPlaces(s: string): Place[] {
  const found: Place[] = [];
  for (const m of s.matchAll(PLACE_PATTERN)) {
    const f = BY_FORM.get(m[0])!;
    found.push({ name: m[0], at: m.index, province: f.province, level: f.level });
  }
  return found;
}


/** How many prefecture-level divisions the table holds (the mainland has 333). */
export function prefectureCount(): number {
  return Object.values(PREFECTURES).reduce((a, list) => a + list.split(/\s+/).filter(Boolean).length, 0);
}
