/**
 * Character tables for the normaliser. Kept as data, one concern each.
 */

/**
 * Letters of other scripts that look like Latin ones (after lower-casing), from
 * Unicode's confusables data (UTS #39) for Cyrillic, Greek, Armenian and Latin lookalikes.
 * Only letters that pass for a Latin letter in running text are listed.
 */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  // Cyrillic (upper-case forms fold to these first)
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ү: 'y',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c', ϳ: 'j',
  // Armenian
  օ: 'o', ս: 'u', հ: 'h', ո: 'n', ց: 'g', զ: 'q',
  // Latin lookalikes that diacritic folding leaves alone
  ı: 'i', ȷ: 'j', ɑ: 'a', ɡ: 'g', ɩ: 'i', ɪ: 'i', ʟ: 'l', ɴ: 'n', ʀ: 'r', ᴏ: 'o', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e',
  ᴋ: 'k', ᴍ: 'm', ᴘ: 'p', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't',
  ƀ: 'b', ɇ: 'e', ɨ: 'i', ʉ: 'u', ƶ: 'z', ß: 'ss', æ: 'ae', œ: 'oe',
};

/**
 * Cyrillic and Greek letters with no Latin lookalike: when a block has several, it is
 * genuine Cyrillic or Greek text, and only mixed-script words are folded.
 */
export const NATIVE_NON_LATIN = /[бгджзийлпфцчшщъыьэюяґђћљњџγδζθλξπσςφψω]/u;

/** Leetspeak: digits and symbols standing for letters inside words. */
export const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** Units that make a digit run a quantity ("30mg"), not leetspeak. */
export const QUANTITY_UNIT = /^(?:mg|mcg|ug|µg|g|gr|grs|kg|ml|oz|lb|lbs|x|iu|pcs|pc|mm|cm|in|ft|gb|tb|mb|mah|hz)$/;

/**
 * Code points that carry no visible text: zero-width spaces and joiners, soft hyphen,
 * word joiner, invisible operators, BOM, Mongolian vowel separator, combining grapheme
 * joiner, and the tag characters used to smuggle text.
 */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

/** Emoji modifiers and selectors: dropped without counting as a disguise. */
export function isEmojiComponent(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x20e3;
}

/**
 * Traditional → Simplified Chinese for the characters of drug, pharmacy, shipping and
 * payment vocabulary (rule terms, cues and exclusions are written in Simplified).
 */
const TRADITIONAL = '藥處購買賣貨關報價隱裝鎮靜馬嗎啡無需經營許證網絡醫師劑針劑粉純質製試紙檢測銷售發貨運輸國際專線倉現貨門單郵寄幣轉賬聯繫電話號碼飛機紙聯絡微信衛數據營養補充膠囊顆粒層瑪麗鹽類興奮劑鎮痛麻醉類處理鹵蘭癮戒毒嬰兒童產雞蛋糖飲點樂麼為這個們來時說對會從還開兩與長書東車見問間頁總體學實當點過應將動種進裡後來現義頭黨戰眾議識員員區門調邊認條兒業記樣熱類較識響華鐘達選擇構顯廣練導歷據專團術維際參標準濟壓決續統積極屬變溫環圖辦織類資源職轉風險審據閱讀讓讀雙';
const SIMPLIFIED = '药处购买卖货关报价隐装镇静马吗啡无需经营许证网络医师剂针剂粉纯质制试纸检测销售发货运输国际专线仓现货门单邮寄币转账联系电话号码飞机纸联络微信卫数据营养补充胶囊颗粒层玛丽盐类兴奋剂镇痛麻醉类处理卤兰瘾戒毒婴儿童产鸡蛋糖饮点乐么为这个们来时说对会从还开两与长书东车见问间页总体学实当点过应将动种进里后来现义头党战众议识员员区门调边认条儿业记样热类较识响华钟达选择构显广练导历据专团术维际参标准济压决续统积极属变温环图办织类资源职转风险审据阅读让读双';

export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const traditional = [...TRADITIONAL];
  const simplified = [...SIMPLIFIED];
  traditional.forEach((char, i) => {
    const target = simplified[i];
    if (target && target !== char) map.set(char, target);
  });
  return map;
})();
