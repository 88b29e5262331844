import { describe, expect, it } from 'vitest';
import { inferMetadata, provenanceCell } from '../../../src/core/metadata/inferMetadata.js';

const lines = (...l: string[]) => l.join('\n');

describe('inferMetadata: province, level and issuer from the header and signature', () => {
  it('reads a red-header notice: issuer, 文号, title, date and level', () => {
    const text = lines(
      '达州市人民政府办公室',
      '关于印发达州市促进房地产市场良性循环',
      '健康发展十条措施的通知',
      '达市府办发〔2022〕25号',
      '各县（市、区）人民政府，市级有关部门：',
      '《十条措施》已经市政府同意，现印发你们，请认真贯彻落实。',
      '达州市人民政府办公室',
      '2022年4月28日',
    );
    const m = inferMetadata(text, 'a.pdf', undefined);
    expect(m.province.value).toBe('四川');
    expect(m.level.value).toBe('prefecture');
    expect(m.docNumber.value).toBe('达市府办发〔2022〕25号');
    expect(m.title.value).toBe('达州市人民政府办公室关于印发达州市促进房地产市场良性循环健康发展十条措施的通知');
    expect(m.issuer.value).toBe('达州市人民政府办公室');
    expect(m.date.value).toBe('2022-04-28');
    expect(m.year).toEqual({ value: 2022, source: 'text', confidence: 0.85 });
  });

  it('does not let a 文号 or a province quoted in the body win over the header', () => {
    const text = lines(
      '东莞市住房公积金管理委员会文件',
      '东公积金委〔2020〕2号',
      '关于调整住房公积金贷款的通知',
      '各缴存职工：',
      '根据《广西壮族自治区住房公积金管理办法》（桂政发〔2018〕3号）和《浙江省实施细则》（浙政办〔2019〕8号）、（浙建〔2019〕9号），现通知如下。',
      '一、本通知自2020年10月19日起施行。',
    );
    const m = inferMetadata(text, 'x.pdf', undefined);
    expect(m.province.value).toBe('广东');
    expect(m.docNumber.value).toBe('东公积金委〔2020〕2号');
    expect(m.year.value).toBe(2020);
  });

  it('maps cities and autonomous prefectures to their province: 巴州 -> 新疆, 阿坝州 -> 四川, 包头 and 赤峰 -> 内蒙古', () => {
    expect(inferMetadata('巴州促进房地产市场平稳健康发展24条措施\n为贯彻落实有关部署，制定本措施。', 'a.txt', undefined).province.value).toBe('新疆');
    expect(inferMetadata('阿坝州人民政府办公室关于印发政务数据管理办法的通知\n各县人民政府：', 'a.txt', undefined).province.value).toBe('四川');
    expect(inferMetadata('包头市人民政府办公室关于印发考评办法的通知\n各旗、县、区人民政府：', 'a.txt', undefined).province.value).toBe('内蒙古');
    expect(inferMetadata('【赤峰市住房和城乡建设局】若干意见\n为进一步优化营商环境，提出如下意见。', 'a.txt', undefined).province.value).toBe('内蒙古');
  });

  it('resolves a colliding 文号 prefix by the issuer: 青政发 of 青田县 is Zhejiang, not Qinghai', () => {
    const text = lines('青田县人民政府文件', '青政发〔2021〕5号', '青田县人民政府关于印发若干措施的通知', '各乡镇人民政府：');
    const m = inferMetadata(text, 'a.pdf', undefined);
    expect(m.province.value).toBe('浙江');
    expect(m.level.value).toBe('county');
  });

  it('takes a one-character 文号 abbreviation when nothing else names the place: 榕 is Fuzhou, 粤 Guangdong', () => {
    expect(inferMetadata('榕政办〔2016〕186号\n关于进一步促进房地产市场平稳健康发展的补充通知\n各县（市）区人民政府：', 'a.pdf', undefined).province.value).toBe('福建');
    expect(inferMetadata('粤府办〔2025〕14号\n关于印发工作方案的通知\n各地级以上市人民政府：', 'a.pdf', undefined).province.value).toBe('广东');
  });

  it('tells central documents: 国务院 header and 国办发 文号 give national level', () => {
    const m = inferMetadata('国务院办公厅关于推进政务新媒体健康有序发展的意见\n国办发〔2018〕123号\n各省、自治区、直辖市人民政府：', 'a.html', undefined);
    expect(m.province.value).toBe('全国');
    expect(m.level.value).toBe('national');
    expect(m.docNumber.value).toBe('国办发〔2018〕123号');
  });

  it('reads the metadata lines of exports (地区, 日期) and 【issuer】 titles', () => {
    const text = lines(
      '【辽宁省丹东市】丹东市个人住房公积金贷款管理实施细则',
      '地区:辽宁省丹东市',
      '日期: 2023-01-09',
      '来源: https://example.org/1.html',
      '丹金发〔2022〕36号',
      '中心各部门:',
      '丹东市住房公积金管理中心',
      '2022年12月31日',
    );
    const m = inferMetadata(text, 'a.txt', undefined);
    expect(m.province.value).toBe('辽宁');
    expect(m.level.value).toBe('prefecture');
    expect(m.date.value).toBe('2023-01-09');
    expect(m.title.value).toBe('丹东市个人住房公积金贷款管理实施细则');
  });

  it('dates a government rule by its promulgation, not by the day it takes effect', () => {
    const text = lines('北京市人民政府规章', '北京市人民政府发布', '北京市地震预警管理办法', '（2022年12月23日北京市人民政府第307号令公布自2023年3月1日起施行）', '第一章总则');
    const m = inferMetadata(text, 'a.pdf', undefined);
    expect(m.year.value).toBe(2022);
    expect(m.docNumber.value).toBe('北京市人民政府令第307号');
    expect(m.title.value).toBe('北京市地震预警管理办法');
  });
});

describe('inferMetadata: metadata.csv, then the folder, then the text', () => {
  const text = '东莞市人民政府关于印发若干措施的通知\n东府〔2021〕9号\n各镇人民政府：';

  it('takes the province from the first folder level over the text', () => {
    const m = inferMetadata(text, '湖南/东莞措施.txt', undefined);
    expect(m.province).toEqual({ value: '湖南', source: 'folder', confidence: 0.9 });
    // The text's level belongs to Guangdong, not to the folder's province, so it is not kept.
    expect(m.level.value).toBeNull();
  });

  it('takes every field metadata.csv gives over folder and text', () => {
    const m = inferMetadata(text, '湖南/东莞措施.txt', { province: '广东省', year: '2020', doc_number: '东府 [2021] 9 号', level: 'prefecture', issuer: '东莞市人民政府' });
    expect(m.province).toEqual({ value: '广东', source: 'metadata.csv', confidence: 1 });
    expect(m.year).toEqual({ value: 2020, source: 'metadata.csv', confidence: 1 });
    expect(m.docNumber.value).toBe('东府〔2021〕9号');
    expect(provenanceCell(m)).toBe('title:text:0.7;doc_number:metadata.csv:1;issuer:metadata.csv:1;year:metadata.csv:1;level:metadata.csv:1;province:metadata.csv:1');
  });
});

describe('inferMetadata: places and years named in passing are candidates, never the value (issue 13)', () => {
  it('does not take the addressees of a national plan (…新疆生产建设兵团…：) for its issuer', () => {
    const text = lines(
      '各省、自治区、直辖市、计划单列市及新疆生产建设兵团商务主管部门：',
      '为推进智慧物流配送体系建设，依据《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号），制定本方案。',
      '一、支持乌鲁木齐、上海等地建设物流配送中心。',
    );
    const m = inferMetadata(text, 'plan.txt', undefined);
    expect(m.province).toEqual({ value: null, source: 'none', confidence: 0 });
    expect(m.level.value).toBeNull();
    expect(m.year.value).toBeNull();
    const cell = provenanceCell(m);
    expect(cell).toMatch(/(^|;)province_candidate:body:0\.\d+:(新疆|上海)(;|$)/);
    expect(cell).toContain('year_candidate:body:0.3:2015');
    expect(cell).not.toMatch(/(^|;)province:/);
  });

  it('still takes the province from the folder or metadata.csv when the text says nothing', () => {
    const text = '一、加强上海、新疆两地交流合作。';
    expect(inferMetadata(text, '云南/a.txt', undefined).province).toEqual({ value: '云南', source: 'folder', confidence: 0.9 });
    expect(inferMetadata(text, 'a.txt', { province: '贵州省' }).province.value).toBe('贵州');
  });
});
