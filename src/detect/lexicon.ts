import type { ChoiceKind } from '../core/kinds';

/**
 * The one multilingual lexicon: English, Simplified and Traditional Chinese, Japanese, German,
 * French and Spanish. Phrases are matched against a control's normalized accessible name and
 * attribute hints (so they are lowercase, width-folded and may be ids like `no-rush-delivery`).
 *
 * - `affirm`: selecting a control with this name IS the low-carbon choice ("No cutlery").
 * - `decline`: a yes/no control with this name left unselected IS the choice
 *   ("Request utensils" switched off). Affirm wins when both match ("Don't include utensils").
 */
export interface KindPhrases {
  affirm: readonly string[];
  decline?: readonly string[];
}

export const LEXICON: Record<Exclude<ChoiceKind, 'second-hand'>, KindPhrases> = {
  'no-cutlery': {
    affirm: [
      'no cutlery', 'no utensils', 'without cutlery', 'without utensils', "don't include utensils",
      'do not include utensils', "don't send cutlery", 'skip utensils', 'no-utensils', 'no_cutlery', 'no-cutlery',
      'no utensils or straws', 'no thanks, i have my own',
      '无需餐具', '不需要餐具', '不要餐具', '无需筷子', '不需要筷子', '無需餐具', '不用餐具', '免餐具', '不需餐具',
      '箸不要', '割り箸不要', 'カトラリー不要', 'スプーン・フォーク不要', 'おはし不要', 'お箸不要', '箸・スプーン等は不要', 'お箸・スプーン等を希望しない', 'カトラリーは不要',
      'kein besteck', 'ohne besteck', 'sans couverts', 'pas de couverts', 'sin cubiertos', 'no incluir cubiertos',
      'sin utensilios',
    ],
    decline: [
      'request utensils', 'include utensils', 'add cutlery', 'add utensils', 'need cutlery', 'utensils, straws',
      'include cutlery', 'send cutlery', 'cutlery', 'utensils',
      '需要餐具', '添加餐具', '要餐具', '需要筷子', '需要餐具', '加餐具',
      '箸を希望', '割り箸を希望', 'カトラリーを希望', 'カトラリーが必要', '割り箸をつける', 'お箸・スプーン等を希望する',
      'besteck hinzufügen', 'besteck anfordern', 'besteck', 'ajouter des couverts', 'demander des couverts', 'couverts',
      'añadir cubiertos', 'solicitar cubiertos', 'incluir cubiertos', 'cubiertos',
    ],
  },
  'e-invoice': {
    affirm: [
      'e-invoice', 'einvoice', 'electronic invoice', 'digital invoice', 'e-receipt', 'electronic receipt',
      'digital receipt', 'paperless invoice', 'no paper invoice', 'no paper receipt',
      '电子发票', '电子普通发票', '电子增值税', '電子發票', '電子普通發票', '不需要纸质发票',
      '電子領収書', '領収書を電子', '電子インボイス', '紙の領収書不要', '紙の納品書不要', '納品書不要',
      'elektronische rechnung', 'e-rechnung', 'digitale rechnung', 'keine papierrechnung',
      'facture électronique', 'facture dématérialisée', 'sans facture papier',
      'factura electrónica', 'sin factura en papel',
    ],
    decline: ['paper invoice', 'print invoice', 'paper receipt', '纸质发票', '紙の領収書', 'papierrechnung', 'facture papier', 'factura en papel'],
  },
  'reusable-packaging': {
    affirm: [
      'reusable packaging', 'reusable container', 'reusable bag', 'returnable packaging', 'returnable container',
      'deliverzero', 'reusable box',
      '循环包装', '循環包裝', '可循环包装', '循环快递箱', '循环箱',
      'リユース容器', 'リターナブル容器', '再利用できる梱包', 'リユース梱包', '繰り返し使える',
      'mehrwegverpackung', 'mehrwegbehälter', 'mehrweg',
      'emballage réutilisable', 'contenant réutilisable', 'contenants réutilisables',
      'embalaje reutilizable', 'envase reutilizable', 'envases reutilizables',
    ],
  },
  'consolidated-shipping': {
    affirm: [
      'amazon day', 'fewer boxes', 'fewer shipments', 'as few shipments as possible', 'ship together',
      'ship all items together', 'ship items together', 'combine shipments', 'combine my items', 'consolidate',
      'one delivery day', 'single shipment', 'fewest shipments',
      '合并送货', '合并发货', '合并配送', '合併送貨', '合併出貨', '一次配送',
      'まとめて配送', 'まとめて発送', 'できるだけまとめて', 'まとめ便', 'アマゾンの日', 'amazonの日',
      'zusammen versenden', 'möglichst wenigen lieferungen', 'wenigsten lieferungen', 'gemeinsam versenden', 'sammellieferung',
      'moins de colis', 'expédier ensemble', 'regrouper', 'envoi groupé', 'en un seul envoi',
      'menos envíos', 'enviar juntos', 'agrupar', 'envío agrupado', 'en un solo envío',
    ],
  },
  'slow-shipping': {
    affirm: [
      'no-rush', 'no rush', 'norush', 'no hurry', 'not in a hurry', 'slower delivery', 'eco shipping',
      '不急送', '不着急', '慢递', '不急', '不趕時間', '慢遞',
      'お急ぎ便を利用しない', '急がない', 'ゆっくり配送', 'ゆっくりお届け',
      'keine eile', 'nicht eilig', 'ohne eile', 'sans urgence', 'pas pressé', 'livraison lente',
      'sin prisa', 'sin urgencia', 'envío lento',
    ],
  },
  'pickup-point': {
    affirm: [
      'pickup point', 'pick-up point', 'pick up point', 'pickup location', 'parcel locker', 'amazon locker', 'locker',
      'collection point', 'click & collect', 'click and collect', 'pickup station', 'parcel shop', 'drop-off point',
      'pick up at', 'pickup at', 'hub counter', 'amazon counter', 'post office pickup', 'pick-up-point',
      '自提', '上门自提', '自提点', '驿站', '菜鸟驿站', '自提柜', '快递柜', '丰巢', '代收点', '驛站', '自取點', '超商取貨', '取件点',
      'コンビニ受取', 'コンビニ受け取り', 'コンビニ・郵便局', 'コンビニで受け取る', '郵便局で受け取る', '店頭受取', '店頭受け取り', '受取場所', '郵便局受取', '郵便局受け取り',
      '営業所受取', 'はこぽす', '楽天box', 'ロッカー', 'pudo', '受け取りスポット',
      'packstation', 'abholstation', 'paketshop', 'abholpunkt', 'filiale abholen', 'postfiliale',
      'point relais', 'point retrait', 'retrait en point', 'consigne automatique', 'casier', 'relais colis',
      'punto de recogida', 'recogida en', 'punto pack', 'taquilla', 'punto de entrega',
    ],
  },
  'unattended-delivery': {
    affirm: [
      'leave at door', 'leave at my door', 'leave it at my door', 'leave package at', 'safe place', 'leave at the door',
      'unattended delivery', 'contactless delivery', 'drop off at door', 'leave-at-door',
      '放门口', '放在门口', '无接触配送', '放門口', '無接觸配送', '放家门口',
      '置き配', '置配', '玄関前', '宅配ボックス', 'ドア前', 'メーターボックス', '置き場所',
      'ablageort', 'abstellort', 'abstellgenehmigung', 'vor der tür abstellen', 'kontaktlose lieferung',
      'déposer devant la porte', 'laisser devant la porte', 'livraison sans contact',
      'dejar en la puerta', 'entrega sin contacto', 'dejar en la entrada',
    ],
  },
  'packaging-return': {
    affirm: [
      'return packaging', 'packaging return', 'return the box', 'recycle the box', 'box recycling', 'recycled box',
      'use a recycled box', 'take back packaging',
      '回收纸箱', '纸箱回收', '回箱', '旧箱', '包装回收', '使用回收箱', '環保回收', '紙箱回收', '回收箱',
      '箱を回収', '梱包材回収', '資材回収', '段ボール回収', 'リサイクル箱',
      'verpackung zurückgeben', 'verpackungsrücknahme', 'rücknahme der verpackung',
      "retour de l'emballage", 'reprise des emballages', 'carton recyclé',
      'devolver el embalaje', 'devolución de embalaje', 'caja reciclada',
    ],
  },
  'no-plastic-bag': {
    affirm: [
      'no bags', 'no bag', 'no plastic bag', 'no plastic bags', 'without bags', 'without a bag', 'bring my own bag',
      'own bags', 'bagless', 'no-bags',
      '不需要购物袋', '无需购物袋', '不要购物袋', '不要袋子', '无需塑料袋', '不需要塑料袋', '無需購物袋', '不需要購物袋',
      'レジ袋不要', 'レジ袋は不要', '袋不要', '袋は不要', 'マイバッグ',
      'keine tüte', 'ohne tüte', 'keine tragetasche', 'sans sac', 'pas de sac', 'sin bolsa', 'sin bolsas',
    ],
    decline: [
      'add bags', 'add a bag', 'need bags', 'shopping bag', 'plastic bag',
      '需要购物袋', '购物袋', '需要購物袋', '購物袋', 'レジ袋を希望', 'レジ袋が必要', 'レジ袋',
      'tüte hinzufügen', 'tragetasche', 'ajouter un sac', 'sac plastique', 'añadir bolsa', 'bolsa de plástico',
    ],
  },
  'green-delivery-slot': {
    affirm: [
      'green slot', 'green delivery', 'eco slot', 'eco window', 'eco-friendly slot', 'greener delivery', 'green van',
      'eco-friendly delivery', 'green window', 'eco delivery window',
      '绿色配送时段', '环保时段', '绿色时段', '綠色配送時段', '環保時段',
      'エコ配送枠', 'エコ便', 'エコ配送', 'エコな時間帯',
      'grüner lieferslot', 'öko-lieferfenster', 'umweltfreundliches lieferfenster', 'grünes zeitfenster',
      'créneau vert', 'créneau éco', 'franja verde', 'franja eco', 'franja ecológica',
    ],
  },
};

/**
 * Delivery speeds, slowest first. A selected speed counts as slow shipping only when a faster
 * one was on offer beside it in its group: economy over standard or express, standard over express.
 */
export const SHIPPING_SPEED = {
  economy: [
    'economy', 'slower', 'saver', 'eco shipping',
    '经济快递', '经济配送', '慢速', 'エコノミー', 'sparversand', 'economyversand',
    'livraison économique', 'envoi économique', 'envío económico', 'económico',
  ],
  standard: [
    'standard', 'regular shipping', 'free shipping',
    '普通快递', '标准配送', '标准快递', '普通配送', '標準配送', '普通宅配',
    '通常配送', '通常便', '通常発送', 'standardversand', 'standardlieferung', 'kostenloser versand',
    'livraison standard', 'envoi standard', 'envío estándar', 'estándar',
  ],
  express: [
    'express', 'priority', 'one-day', 'one day', 'next day', 'next-day', 'same day', 'same-day', 'two-day',
    'expedited', 'premium shipping', 'rush', 'saturday delivery',
    '加急', '次日达', '当日达', '极速', '特快', '顺丰', '次日達', '當日達', '特急',
    'お急ぎ便', '当日お急ぎ便', '翌日配達', '当日配達', '速達',
    'expressversand', 'premiumversand', 'expresslieferung', 'prime-versand', 'eilversand',
    'livraison express', 'prioritaire', 'livraison rapide', 'envío exprés', 'envío urgente', 'urgente', 'premium',
  ],
} as const;

/**
 * Words a summary row's label uses for the topic of a choice whose value it states
 * ("餐具份数 | 无需餐具", "发票 | 电子发票", "Utensils: None", "Delivery: Leave at door"). The value
 * must then affirm one of the topic's kinds (or, for the kinds below, say "none").
 */
export const TOPICS: Partial<Record<ChoiceKind, readonly string[]>> = {
  'no-cutlery': [
    'utensils', 'cutlery', 'tableware', 'chopsticks', '餐具', '筷子', 'カトラリー', '箸', 'スプーン',
    'besteck', 'couverts', 'cubiertos', 'utensilios',
  ],
  'no-plastic-bag': [
    'bags', 'bag', 'shopping bag', 'carrier bag', '购物袋', '袋子', '購物袋', 'レジ袋', 'tüte', 'tüten', 'tragetasche',
    'sac', 'sacs', 'bolsa', 'bolsas',
  ],
  'e-invoice': ['invoice', 'receipt', '发票', '發票', '領収書', '請求書', 'rechnung', 'beleg', 'facture', 'reçu', 'factura', 'recibo'],
  'unattended-delivery': [
    'delivery', 'delivery instructions', 'drop-off', 'dropoff', 'drop off', 'handoff', 'hand-off', '配送', '送达方式', '配送方式',
    '置き配', '受け取り方法', '受取方法', 'お届け方法', '配達方法', 'lieferung', 'zustellung', 'ablageort', 'livraison', 'entrega',
  ],
  'pickup-point': [
    'delivery', 'delivery method', 'shipping method', 'ship to', 'deliver to', 'shipping address', 'delivery address',
    '配送', '配送方式', '收货方式', '取货方式', '收货地址', '受取方法', '受け取り方法', '受取場所', 'お届け先',
    'versand', 'lieferadresse', 'lieferung', 'livraison', 'mode de livraison', 'adresse de livraison',
    'envío', 'entrega', 'método de entrega', 'dirección de envío',
  ],
  'slow-shipping': [
    'shipping speed', 'delivery speed', 'shipping', 'delivery option', '配送速度', '配送时效', '配送', '配送オプション',
    'versandart', 'versand', 'livraison', "mode d'expédition", 'envío',
  ],
  'consolidated-shipping': [
    'shipping preference', 'shipping options', 'delivery preference', '配送偏好', '发货方式', '配送方法', '発送方法',
    'versandoptionen', "options d'expédition", 'opciones de envío',
  ],
  'reusable-packaging': ['packaging', 'container', 'containers', '包装', '包裝', '容器', '梱包', 'verpackung', 'emballage', 'embalaje', 'envase'],
  'packaging-return': ['packaging', 'box', '包装', '纸箱', '箱', '梱包', 'verpackung', 'emballage', 'embalaje'],
  'green-delivery-slot': [
    'delivery time', 'delivery window', 'time slot', 'delivery slot', '配送时间', '送达时间', '配送時間', 'お届け時間', '配達時間',
    'lieferzeit', 'lieferfenster', 'créneau', 'créneau de livraison', 'franja', 'franja horaria',
  ],
};

/** Kinds whose topic stated as "none" is the choice: "Utensils: None", "餐具 | 不需要". */
export const NONE_MEANS_CHOSEN: readonly ChoiceKind[] = ['no-cutlery', 'no-plastic-bag'];

/** Whole values that say "none", compared with the value's own text (punctuation trimmed). */
export const NONE_VALUES: readonly string[] = [
  'none', 'no', 'no thanks', 'not needed', 'not required', 'zero', '0',
  '无', '不需要', '无需', '不要', '不用', '無', '無需', '0份', '0套', '0双',
  'なし', '無し', '不要', 'いらない', '0膳', '0本',
  'keine', 'kein', 'nein', 'nicht benötigt', 'aucun', 'aucune', 'non', 'pas besoin', 'ninguno', 'ninguna', 'sin',
];

/** Labels that introduce an item's condition ("Condition: Used - Good", "商品の状態：目立った傷や汚れなし"). */
export const CONDITION_LABELS: readonly string[] = [
  'condition', 'item condition', 'zustand', 'artikelzustand', 'état', 'etat', 'estado', 'condición',
  '商品の状態', '状態', 'コンディション', '成色', '新旧程度', '商品状态', '品相',
];

/** Conditions that say an item is used or refurbished, as a line begins with them ("Used - Good", "中古品"). */
export const USED_CONDITIONS: readonly string[] = [
  'used', 'pre-owned', 'preowned', 'refurbished', 'renewed', 'amazon renewed', 'second-hand', 'second hand', 'secondhand',
  'gebraucht', 'generalüberholt', 'occasion', "d'occasion", 'reconditionné', 'usado', 'de segunda mano', 'reacondicionado',
  '中古品', '中古', '二手', '闲置', '閒置', '翻新', '整備済み', '整備済み品',
];

/** Grades of a used item, read as used only after a condition label ("Condition: Like New", "Zustand: Sehr gut"). */
export const USED_GRADES: readonly string[] = [
  'like new', 'very good', 'good', 'acceptable', 'fair',
  'wie neu', 'sehr gut', 'gut', 'akzeptabel', 'comme neuf', 'très bon état', 'bon état', 'état correct',
  'como nuevo', 'muy bueno', 'bueno', 'aceptable',
  'ほぼ新品', '非常に良い', '良い', '可', '未使用に近い', '目立った傷や汚れなし', 'やや傷や汚れあり', '傷や汚れあり', '全体的に状態が悪い',
  '几乎全新', '95新', '9成新', '99新', '八成新', '九成新',
];

/** Labels before the order number a confirmation shows. */
export const ORDER_NUMBER_LABELS: readonly string[] = [
  'order number', 'order no', 'order #', 'order#', 'order id', 'order:',
  '订单号', '订单编号', '訂單編號', '訂單號碼', '注文番号', 'ご注文番号', '受注番号',
  'bestellnummer', 'numéro de commande', 'n° de commande', 'número de pedido', 'no de pedido',
];

/** Headings of an order summary: with a place-order control, a page plainly is a checkout. */
export const ORDER_SUMMARY_PHRASES: readonly string[] = [
  'order summary', 'order total', 'cart summary', 'review your order', 'payment summary', 'summary of your order',
  '订单总额', '订单信息', '确认订单', '订单详情', '應付金額', '確認訂單', '实付款', '应付金额', '合计',
  '注文内容', 'ご注文内容', '注文の確認', 'ご請求額', 'お支払い金額', '合計金額',
  'bestellübersicht', 'zusammenfassung', 'gesamtbetrag', 'gesamtsumme',
  'récapitulatif', 'résumé de la commande', 'total à payer', 'resumen del pedido', 'total a pagar',
];

/** Item words that give a second-hand purchase its product category (the carbon factors use these). */
/** Checked in this order: a "bookshelf" is furniture, a "MacBook" a laptop. */
export const SECOND_HAND_CATEGORIES = ['phone', 'laptop', 'furniture', 'book', 'clothing'] as const;
export type SecondHandCategory = (typeof SECOND_HAND_CATEGORIES)[number] | 'other';

export const CATEGORY_WORDS: Record<(typeof SECOND_HAND_CATEGORIES)[number], readonly string[]> = {
  phone: [
    'iphone', 'smartphone', 'galaxy s', 'pixel', 'mobile phone', 'cell phone', 'handy', 'téléphone', 'teléfono',
    'móvil', '手机', '手機', 'スマホ', 'スマートフォン', '携帯電話',
  ],
  laptop: [
    'laptop', 'macbook', 'notebook computer', 'thinkpad', 'chromebook', 'ordinateur portable', 'portátil',
    '笔记本电脑', '筆記型電腦', '筆電', 'ノートパソコン', 'ノートpc',
  ],
  book: [
    'book', 'novel', 'paperback', 'hardcover', 'buch', 'roman', 'livre', 'libro', '书', '書籍', '小说', '小說',
    '文庫', '単行本', 'コミック', '漫画',
  ],
  furniture: [
    'sofa', 'chair', 'table', 'desk', 'wardrobe', 'dresser', 'bookshelf', 'furniture', 'stuhl', 'tisch', 'schrank',
    'möbel', 'chaise', 'canapé', 'meuble', 'armoire', 'silla', 'mesa', 'mueble', 'sofá',
    '沙发', '椅子', '桌子', '书桌', '衣柜', '家具', '沙發', '書桌', '衣櫃', 'ソファ', 'チェア', 'テーブル', 'デスク', '本棚',
  ],
  clothing: [
    'jacket', 'coat', 'dress', 'shirt', 'jeans', 'sweater', 'jumper', 'hoodie', 'skirt', 'trousers', 'sneakers',
    'shoes', 'boots', 'blouse', 't-shirt', 'cardigan', 'jacke', 'mantel', 'kleid', 'hemd', 'pullover', 'hose',
    'veste', 'manteau', 'robe', 'chemise', 'jean', 'pull', 'jupe', 'chaqueta', 'abrigo', 'vestido', 'camisa',
    'vaqueros', 'jersey', 'falda', 'zapatillas',
    '外套', '夹克', '连衣裙', '衬衫', '牛仔裤', '毛衣', '卫衣', '裙', '大衣', '夾克', '連衣裙', '襯衫', '牛仔褲', '衛衣',
    'ジャケット', 'コート', 'ワンピース', 'シャツ', 'ジーンズ', 'ニット', 'セーター', 'パーカー', 'スカート', 'スニーカー',
  ],
};

/** Words that say an item is used or refurbished, anywhere in an item card the platform names. */
export const SECOND_HAND_CONDITIONS: readonly string[] = [
  'used', 'pre-owned', 'preowned', 'refurbished', 'renewed', 'second-hand', 'second hand', 'secondhand',
  'like new', 'very good condition', 'good condition', 'fair condition',
  '二手', '闲置', '閒置', '翻新', '95新', '9成新', '99新', '几乎全新', '中古', '目立った傷や汚れなし', 'やや傷や汚れあり',
  '未使用に近い', '傷や汚れあり', '整備済み', 'gebraucht', 'generalüberholt', 'wie neu', 'sehr gut',
  'occasion', 'reconditionné', 'très bon état', 'bon état', 'usado', 'reacondicionado', 'como nuevo', 'muy bueno',
];

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
const ASCII_LETTER = /[a-z]/i;
const LETTER = /\p{L}/u;

/**
 * Whether the text has a letter. Every lexicon phrase has one (a test checks), so a name
 * without one, like a quantity, names nothing. An ASCII letter answers at once; only text with
 * other characters and no ASCII letter is asked of Unicode's letters, a pattern each fresh page
 * would otherwise compile.
 */
export function hasLetter(text: string): boolean {
  return ASCII_LETTER.test(text) || (NOT_PRINTABLE_ASCII.test(text) && LETTER.test(text));
}

/**
 * Lowercase, width-fold (NFKC) and collapse white space. Printable ASCII is its own NFKC form
 * and holds no white space but the plain space, so most names (numbers, English labels, ids)
 * skip the Unicode pass and, unless spaces run together, the replacing one.
 */
export function normalize(text: string): string {
  if (NOT_PRINTABLE_ASCII.test(text)) return text.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, ' ').trim();
  const lower = text.toLowerCase();
  return (lower.includes('  ') ? lower.replace(/ {2,}/g, ' ') : lower).trim();
}

/** The phrase as a regular expression matching it literally. */
const escaped = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when the normalized `text` contains one of the phrases. Every phrase list here is
 * written in normalized form (a test checks), so a checkout does not normalize hundreds of
 * phrases on each page load before its first reading.
 */
export function mentions(text: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => text.includes(p));
}

/**
 * Words that turn a phrase around: before it in English, Chinese, German, French and Spanish
 * ("don't use reusable packaging", "不使用循环包装"), after it in Japanese ("置き配を利用しない").
 * They are looked for only near phrases that are not negative themselves: "no cutlery, no
 * straws" is still no cutlery, and "leave at my door if I'm not around" still leaves it.
 */
export const NEGATIONS = {
  before: [
    'no', 'not', "don't", 'do not', 'without', 'none',
    '不使用', '不需要', '无需', '無需', '不要', '不用', '没有', '沒有',
    'kein', 'keine', 'nicht', 'ohne', 'pas', 'sans', 'aucun', 'sin', 'ningún', 'ninguna',
  ],
  after: ['しない', 'なし', '無し', '不要', 'いらない'],
} as const;

const NEGATION_BEFORE_CHARS = 24;
const NEGATION_AFTER_CHARS = 8;

function wordPattern(words: readonly string[]): RegExp {
  return new RegExp(
    words
      .map((w) => {
        const word = escaped(w);
        return /^[a-z]/.test(word) ? `(?<![a-zà-ÿ])${word}(?![a-zà-ÿ])` : word;
      })
      .join('|'),
    'u',
  );
}

let negations: { before: RegExp; after: RegExp } | undefined;

/** Built on first use: most pages a content script runs on never get this far. */
function negationPatterns(): { before: RegExp; after: RegExp } {
  return (negations ??= { before: wordPattern(NEGATIONS.before), after: wordPattern(NEGATIONS.after) });
}

/** True when `phrase` is not itself negative and a negation stands next to it in `text`. */
function negated(text: string, phrase: string): boolean {
  const { before: negatedBefore, after: negatedAfter } = negationPatterns();
  if (negatedBefore.test(phrase) || negatedAfter.test(phrase)) return false;
  const at = text.indexOf(phrase);
  const before = text.slice(Math.max(0, at - NEGATION_BEFORE_CHARS), at);
  const after = text.slice(at + phrase.length, at + phrase.length + NEGATION_AFTER_CHARS);
  return negatedBefore.test(before) || negatedAfter.test(after);
}

export type Polarity = 'affirm' | 'decline';

/**
 * Which kind, and which way round, a control's name (already normalized) speaks of; null when none. When several
 * kinds are named, the longest phrase wins ("使用驿站回收纸箱" is about the box, not the station).
 */
export function matchNormalized(text: string, kinds: readonly ChoiceKind[]): { kind: ChoiceKind; polarity: Polarity } | null {
  if (!text) return null;
  let best: { kind: ChoiceKind; length: number } | undefined;
  for (const kind of kinds) {
    if (kind === 'second-hand') continue;
    const found = LEXICON[kind].affirm.filter((p) => text.includes(p));
    // "mehrwegverpackung を利用しない" negates "mehrweg" too: one negated phrase turns the kind around.
    if (!found.length || found.some((p) => negated(text, p))) continue;
    const length = Math.max(...found.map((p) => p.length));
    if (length > (best?.length ?? 0)) best = { kind, length };
  }
  if (best) return { kind: best.kind, polarity: 'affirm' };
  for (const kind of kinds) {
    if (kind === 'second-hand') continue;
    const decline = LEXICON[kind].decline;
    if (decline && mentions(text, decline)) return { kind, polarity: 'decline' };
  }
  return null;
}

const triggers = new WeakMap<readonly ChoiceKind[], RegExp>();

/**
 * Every phrase the kinds can match (and the shipping speeds, for slow shipping) as one
 * alternation: a normalized name in which none occurs cannot be a choice of these kinds. The
 * regular-expression engine rules a name out in one pass, measured several times faster than
 * testing each phrase in turn or indexing them by first character.
 */
export function triggerFor(kinds: readonly ChoiceKind[]): RegExp {
  let trigger = triggers.get(kinds);
  if (!trigger) {
    const phrases = kinds.flatMap((k) => (k === 'second-hand' ? [] : [...LEXICON[k].affirm, ...(LEXICON[k].decline ?? [])]));
    if (kinds.includes('slow-shipping')) phrases.push(...SHIPPING_SPEED.economy, ...SHIPPING_SPEED.standard);
    const alternatives = [...new Set(phrases)].filter(Boolean).map(escaped);
    trigger = alternatives.length ? new RegExp(alternatives.join('|')) : /$^/;
    triggers.set(kinds, trigger);
  }
  return trigger;
}

const categoryPatterns = new Map<string, RegExp>();

/** Latin words match as whole words, plurals too ("tables", not "tablet"); CJK words anywhere. */
function categoryPattern(category: (typeof SECOND_HAND_CATEGORIES)[number]): RegExp {
  let re = categoryPatterns.get(category);
  if (!re) {
    const alternatives = CATEGORY_WORDS[category].map((w) => {
      const word = escaped(w);
      return /^[a-zà-ÿ]/.test(word) ? `(?<![a-zà-ÿ])${word}(?:e?s)?(?![a-zà-ÿ])` : word;
    });
    re = new RegExp(alternatives.join('|'), 'u');
    categoryPatterns.set(category, re);
  }
  return re;
}

/** The product category an item's title speaks of; `other` when none. */
export function categoryOf(title: string): SecondHandCategory {
  const text = normalize(title);
  return SECOND_HAND_CATEGORIES.find((c) => categoryPattern(c).test(text)) ?? 'other';
}

/** Headings that say an order went through. */
export const ORDER_PLACED_PHRASES: readonly string[] = [
  'thanks for your order', 'thank you for your order', 'order placed', 'order confirmed', 'order is confirmed',
  'your order has been placed', 'order received', 'thank you for your purchase', 'thanks for your purchase',
  'purchase complete', 'payment successful', "you've bought", 'order complete',
  '订单提交成功', '下单成功', '支付成功', '訂單提交成功', '付款成功', '交易成功', '购买成功', '寄件下单成功', '订单已提交',
  'ご注文ありがとうございます', 'ご注文を承りました', '注文が確定しました', '注文完了', '購入が完了しました', 'ご購入ありがとうございます',
  'vielen dank für ihre bestellung', 'bestellung aufgegeben', 'danke für deine bestellung', 'bestellung bestätigt',
  'merci pour votre commande', 'commande confirmée', 'merci pour ton achat', 'commande validée',
  'gracias por tu pedido', 'pedido confirmado', 'gracias por tu compra', 'compra realizada',
];

/** Names of the button that places an order. */
export const PLACE_ORDER_PHRASES: readonly string[] = [
  'place order', 'place your order', 'place delivery order', 'confirm order', 'buy now', 'complete purchase',
  'submit order', 'pay now', 'confirm and pay', 'confirm and buy', 'confirm purchase', 'pay and ship',
  '提交订单', '提交并支付', '立即购买', '确认下单', '立即下单', '去支付', '确认支付', '提交訂單', '確認下單', '立即付款', '确认购买', '立即支付', '下单寄件',
  '注文を確定する', '注文を確定', '注文する', '購入する', 'ご注文を確定', '購入手続きへ',
  'zahlungspflichtig bestellen', 'jetzt kaufen', 'bestellung abschicken', 'jetzt bezahlen',
  'passer la commande', 'commander', 'valider la commande', 'payer', 'realizar pedido', 'confirmar pedido', 'comprar ahora', 'pagar',
];
