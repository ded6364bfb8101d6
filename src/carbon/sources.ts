/**
 * The sources the factors and equivalents cite (docs/methodology.md, "Sources"), as data so the
 * extension can open them: Options → Methodology lists each under the anchor `#source-<id>`.
 * A year is given only where the source states it; a unit test keeps this list and the
 * document in step.
 */
export interface Source {
  id: string;
  title: string;
  publisher: string;
  year?: number;
  /** a web address, or where in a public repository the data is */
  address: string;
}

const IMPACT_CO2 = 'ADEME (impactCO2)';

export const SOURCES: readonly Source[] = [
  { id: 'S7', title: 'Xianyu / China Circular Economy Association carbon standard for second-hand trades', publisher: 'dbnyb.com', year: 2023, address: 'http://dbnyb.com/06/jienenjianpai/2023/0912/68595.html' },
  { id: 'S13', title: 'Ant Forest e-invoices and Hema bags', publisher: 'IT之家 (ithome.com)', address: 'https://www.ithome.com/0/411/085.htm' },
  { id: 'S14', title: 'Saxaul tree cost in Ant Forest energy', publisher: 'trendyadventurer.com', address: 'https://www.trendyadventurer.com/post/oi-don-t-step-on-little-greg' },
  { id: 'S19', title: 'Meituan no-disposables figures', publisher: 'dsb.cn', address: 'https://dsb.cn/p/01j6pbbgh214wqva6ehbcnttrc' },
  { id: 'S20', title: 'Meituan totals', publisher: 'sinotanden.com', address: 'https://sinotanden.com/xinwenzhongxin/995.html' },
  { id: 'S21', title: 'Meituan users and orders', publisher: 'xuehua.us', address: 'https://www.xuehua.us/a/65ff6225024d560d6ba45d3b?lang=zh-tw' },
  { id: 'S22', title: 'Ele.me Shenyang no-tableware orders', publisher: 'educationcn.net', year: 2019, address: 'http://www.educationcn.net/xinwen/guonei/130214.html' },
  { id: 'S23', title: 'No-tableware orders reach 1.3 billion on Ele.me', publisher: 'Ele.me news (mirror)', address: 'https://wordp-appli-oeiffwjv3h0b-1837223528.ap-south-1.elb.amazonaws.com/no-tableware-orders-reach-1-3-billion-on-ele-me-driven-by-carbon-emission-reduction-advocation/' },
  { id: 'S24', title: 'Tianjin: disposable chopsticks', publisher: 'hg-news.cn', year: 2022, address: 'http://m.hg-news.cn/dongtai/202203/999938747.html' },
  { id: 'E1', title: 'Clothing footprints', publisher: IMPACT_CO2, address: 'repo incubateur-ademe/impactco2, src/data/categories/habillement.json' },
  { id: 'E2', title: 'Digital devices footprints', publisher: IMPACT_CO2, address: 'repo incubateur-ademe/impactco2, src/data/categories/numerique.json' },
  { id: 'E3', title: 'Furniture footprints', publisher: IMPACT_CO2, address: 'repo incubateur-ademe/impactco2, src/data/categories/mobilier.json' },
  { id: 'E4', title: 'Books and other goods footprints', publisher: IMPACT_CO2, address: 'repo incubateur-ademe/impactco2, src/data/categories/divers.json' },
  { id: 'E6', title: 'Transport per passenger-km', publisher: IMPACT_CO2, address: 'repo incubateur-ademe/impactco2, src/data/categories/deplacement.json' },
  { id: 'E7', title: 'Vinted presents the results of its first emissions analysis (Vaayu LCA)', publisher: 'FashionUnited', year: 2023, address: 'https://fashionunited.nl/nieuws/business/vinted-presenteert-resultaten-van-eerste-uitvoerige-uitstootanalyse/2023032156699' },
  { id: 'E8', title: 'ThredUp diverted 200 million items', publisher: 'acmesponge.com', address: 'https://acmesponge.com/lifestyle/thredup-diverted-200-million-items-204217495.html' },
  { id: 'E9', title: 'Refurbished smartphones: Back Market and Carbon Trust', publisher: 'Impakter; Carbon Trust', address: 'https://impakter.com/by-buying-your-smartphone-refurbished-rather-than-new-you-can-save-over-77kg-of-co2' },
  { id: 'E10', title: 'Tsinghua / Zhuanzhuan second-hand phone emissions', publisher: 'china360online.com', address: 'http://china360online.com/plus/view-58674-1.html' },
  { id: 'E11', title: 'InPost: parcel lockers versus home delivery', publisher: 'dlahandlu.pl', address: 'https://www.dlahandlu.pl/detal-hurt/wiadomosci/inpost-podkresla-ze-jest-firma-minimalizujaca-negatywny-wplyw-na-srodowisko,91498.html' },
  { id: 'E12', title: 'CO2 emissions of a parcel', publisher: 'Pakadoo', address: 'https://www.pakadoo.de/en/why-pakadoo/sustainability/co2-emissions-of-a-parcel/' },
  { id: 'E13', title: 'Replacing home deliveries by deliveries to parcel lockers (Greater Oslo)', publisher: 'R Discovery', address: 'https://discovery.researcher.life/article/replacing-home-deliveries-by-deliveries-to-parcel-lockers-cost-traffic-emissions-and-societal-cost-effects-of-locker-network-expansions-in-greater-oslo/dca685cd308436e6b9d8b33d7167afea' },
  { id: 'E14', title: 'Carbon dioxide benefits of collection/delivery points for failed home deliveries', publisher: 'Kühne Logistics University', address: 'https://www.the-klu.org/publications/carbon-dioxide-benefits-of-using-collectiondelivery-points-for-failed-home-deliveries-in-the-united/' },
  { id: 'E15', title: 'Carbon footprint of a cardboard box', publisher: 'Consumer Ecology', address: 'https://consumerecology.com/carbon-footprint-of-a-cardboard-box/' },
  { id: 'E16', title: 'The carbon footprint of corrugated cardboard packaging', publisher: 'Bespoke Boxes', address: 'https://bespokeboxes.co.uk/the-carbon-footprint-of-corrugated-cardboard-packaging' },
  { id: 'E17', title: 'UK Environment Agency life-cycle study of carrier bags', publisher: 'PlastEurope', address: 'https://plasteurope.com/news/detail.asp?id=218711' },
  { id: 'E18', title: 'Carbon footprint of plastic', publisher: 'Stop Plastics', address: 'http://stopplastics.ca/carbon-footprint-plastic-0' },
  { id: 'E19', title: 'Printing less, saving more', publisher: 'Carbon Now', address: 'https://carbonnow.co.uk/post/printing-less-saving-more' },
  { id: 'E20', title: 'America’s addiction to absurdly fast shipping has a hidden cost (UC Davis)', publisher: 'Urbanism Next', address: 'https://www.urbanismnext.org/resources/americas-addiction-to-absurdly-fast-shipping-has-a-hidden-cost' },
  { id: 'E21', title: 'Amazon Day delivery emissions; combining Amazon deliveries often didn’t work', publisher: 'Fortune; Urban Freight Lab', year: 2019, address: 'https://fortune.com/2019/03/01/amazon-day-delivery-emissions/' },
  { id: 'E22', title: 'Logistics carbon reduction during Double Eleven (Cainiao box reuse)', publisher: 'jxecopack.com', address: 'https://jxecopack.com/news/it-is-estimated-that-logistics-carbon-reduction-during-the-double-eleven-will-be-more-than-60000-tons' },
];

export function sourceById(id: string): Source | undefined {
  return SOURCES.find((s) => s.id === id);
}

/** Where a source is listed inside the extension (Options → Methodology). */
export const sourceHref = (id: string) => `/options.html#source-${id}`;
