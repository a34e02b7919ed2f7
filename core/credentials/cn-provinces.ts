/**
 * One-character abbreviations of China's provincial-level divisions, which open the numbers of
 * provincial drug licences: (京)-非经营性-2023-0001, 琼AA898000001, (浙)网药平台备字〔2022〕第000002号.
 * Hong Kong, Macao and Taiwan issue no mainland drug licences and are left out.
 */
export const CN_PROVINCES: Readonly<Record<string, string>> = {
  京: 'Beijing', 津: 'Tianjin', 沪: 'Shanghai', 渝: 'Chongqing',
  冀: 'Hebei', 晋: 'Shanxi', 蒙: 'Inner Mongolia', 辽: 'Liaoning', 吉: 'Jilin', 黑: 'Heilongjiang',
  苏: 'Jiangsu', 浙: 'Zhejiang', 皖: 'Anhui', 闽: 'Fujian', 赣: 'Jiangxi', 鲁: 'Shandong',
  豫: 'Henan', 鄂: 'Hubei', 湘: 'Hunan', 粤: 'Guangdong', 桂: 'Guangxi', 琼: 'Hainan',
  川: 'Sichuan', 蜀: 'Sichuan', 贵: 'Guizhou', 黔: 'Guizhou', 云: 'Yunnan', 滇: 'Yunnan', 藏: 'Tibet',
  陕: 'Shaanxi', 秦: 'Shaanxi', 甘: 'Gansu', 陇: 'Gansu', 青: 'Qinghai', 宁: 'Ningxia', 新: 'Xinjiang',
};

/** A character class source matching any province abbreviation. */
export const CN_PROVINCE_CLASS = `[${Object.keys(CN_PROVINCES).join('')}]`;

/** Where NMPA's public data search lists drug licences and internet drug-service certificates. */
export const NMPA_LOOKUP = 'https://www.nmpa.gov.cn/datasearch/home-index.html';
