/**
 * Agency names as the press of ru, uk, ja, ko, vi, th, id, ms, tr, ar, fa, he and hi writes them
 * (assets/aliases/<lang>.json) reach the matcher built from the real knowledge base, and the
 * other senses of those names (the East German Stasi, a country's own ministries) do not.
 */
import { describe, expect, test } from 'vitest';
import { realKbMatcher } from './helpers';

const real = realKbMatcher();
const ids = (text: string) => real.findAll(text).map((h) => real.id(h.pattern));

describe('agency names in the press of each language are matched to the right entry', () => {
  test.each([
    ['ru', 'Заявление Министерство государственной безопасности КНР опубликовало в WeChat.', 'mss'],
    ['ru', 'Британия обвинила Главное разведывательное управление в атаках.', 'gru'],
    ['ru', 'Федеральная служба безопасности сообщила о заражённых сетях.', 'fsb'],
    ['ru', 'Об этом заявило АНБ вместе с партнёрами.', 'nsa'],
    ['ru', 'Агентство национальной безопасности выпустило рекомендации.', 'nsa'],
    ['ru', 'Документы ЦРУ попали в открытый доступ.', 'cia'],
    ['ru', 'Расследование ведут сотрудники Федерального бюро расследований.', 'fbi'],
    ['ru', 'Агентство по кибербезопасности и инфраструктуре выпустило директиву.', 'cisa'],
    ['ru', 'Киберкомандование США расширило операции за рубежом.', 'us-cyber-command'],
    ['ru', 'Хакеры действовали в интересах Корпуса стражей исламской революции.', 'irgc'],
    ['ru', 'Центр правительственной связи отказался от комментариев.', 'gchq'],
    ['ru', 'Национальный центр кибербезопасности Великобритании опубликовал отчёт.', 'uk-ncsc'],
    ['ja', '英政府は攻撃を仕掛けたのはロシア軍参謀本部情報総局だと発表した。', 'gru'],
    ['ja', 'ロシアには連邦保安局や対外情報庁など複数の情報機関がある。', 'fsb'],
    ['ja', 'ロシアには連邦保安局や対外情報庁など複数の情報機関がある。', 'svr'],
    ['ja', '実行部隊は北朝鮮の偵察総局に所属するとみられる。', 'rgb'],
    ['ja', '米国家安全保障局の高官が懸念を示した。', 'nsa'],
    ['ja', '米サイバー軍はイラン革命防衛隊に関連する集団を攻撃した。', 'us-cyber-command'],
    ['ja', '米サイバー軍はイラン革命防衛隊に関連する集団を攻撃した。', 'irgc'],
    ['ja', '英国の政府通信本部と国家サイバーセキュリティーセンターが警告した。', 'gchq'],
    ['ja', '英国の政府通信本部と国家サイバーセキュリティーセンターが警告した。', 'uk-ncsc'],
    ['ja', '米財務省はイラン情報省を制裁対象に指定した。', 'mois'],
    ['ja', 'サイバーセキュリティー・インフラストラクチャー・セキュリティー庁が注意を呼びかけた。', 'cisa'],
    ['ko', '중국 국가안전부가 위챗을 통해 성명을 발표했다.', 'mss'],
    ['ko', '중국 국가안보부는 조사 결과를 공개했다.', 'mss'],
    ['ko', '미국 국가안전보장국은 논평 요청에 답하지 않았다.', 'nsa'],
    ['ko', '러시아 연방보안국은 해킹 의혹을 부인했다.', 'fsb'],
    ['ko', '미국은 이란혁명수비대와 연계된 개인을 제재했다.', 'irgc'],
    ['ko', '국토안보부 산하 사이버인프라보안국이 경고했다.', 'cisa'],
    ['ko', '미국 사이버사령부 사령관이 발언했다.', 'us-cyber-command'],
    ['ko', '영국 정보통신본부는 사이버 위협을 경고했다.', 'gchq'],
    ['vi', 'Mỹ truy tố hai quan chức Bộ Công an Trung Quốc vì tấn công mạng.', 'mps'],
    ['vi', 'EU trừng phạt đơn vị thuộc Tổng cục Tình báo quân đội Nga.', 'gru'],
    ['vi', 'Dữ liệu của Cơ quan An ninh Liên bang Nga bị đánh cắp.', 'fsb'],
    ['vi', 'Nhóm tin tặc bị cho là làm việc cho Vệ binh Cách mạng Hồi giáo Iran.', 'irgc'],
    ['vi', 'Cơ quan Tình báo trung ương từ chối bình luận.', 'cia'],
    ['vi', 'Cơ quan An ninh mạng và Cơ sở hạ tầng Mỹ phát cảnh báo mới.', 'cisa'],
    ['ar', 'قالت وزارة أمن الدولة الصينية في بيان إن الهجوم استمر سنوات.', 'mss'],
    ['ar', 'اتهم البيان وكالة الأمن القومي بشن الهجوم.', 'nsa'],
    ['ar', 'فرضت واشنطن عقوبات على وزارة الاستخبارات والأمن الإيرانية بسبب هجمات إلكترونية.', 'mois'],
    ['ar', 'درّبت وكالة المخابرات المركزية عددا من الجواسيس بحسب طهران.', 'cia'],
    ['tr', 'Çin Devlet Güvenlik Bakanlığı’nın açıklamasına göre saldırı sürdü.', 'mss'],
    ['tr', 'Pekin, ABD Ulusal Güvenlik Ajansı’nı siber saldırıyla suçladı.', 'nsa'],
    ['tr', 'İddianameye göre saldırıların arkasında Rus askeri istihbaratı var.', 'gru'],
    ['tr', 'Hackerların İran Devrim Muhafızları ile bağlantılı olduğu belirtildi.', 'irgc'],
    ['tr', 'Siber Güvenlik ve Altyapı Güvenliği Ajansı yeni bir uyarı yayımladı.', 'cisa'],
    ['fa', 'دامنه‌هایی که گفته می‌شود سپاه پاسداران از آنها استفاده می‌کرد مسدود شد.', 'irgc'],
    ['fa', 'مدیر اداره تحقیقات فدرال درباره جاسوسان هشدار داد.', 'fbi'],
    ['uk', 'Федеральне бюро розслідувань підтвердило кібератаку.', 'fbi'],
    ['uk', 'Агентство з кібербезпеки і безпеки інфраструктури оприлюднило заяву.', 'cisa'],
    ['uk', 'Служба безпеки України щодня відбиває кібератаки.', 'sbu'],
    ['uk', 'Кіберфахівці Служби безпеки України збирають докази.', 'sbu'],
    ['ru', 'Киберспециалисты Службы безопасности Украины идентифицировали хакеров.', 'sbu'],
    ['ru', 'Хакеры Главного разведывательного управления Генерального штаба РФ атаковали оператора.', 'gru'],
    ['id', 'China mengungkap kasus yang melibatkan Badan Intelijen Pusat AS.', 'cia'],
    ['id', 'Biro Penyelidikan Federal dan Dinas Keamanan Inggris memperingatkan ancaman.', 'fbi'],
    ['id', 'Biro Penyelidikan Federal dan Dinas Keamanan Inggris memperingatkan ancaman.', 'mi5'],
    ['id', 'Negara Barat menuduh dinas intelijen militer Rusia menjalankan peretasan.', 'gru'],
    ['id', 'Kelompok itu disebut bagian dari Dinas Keamanan Rusia atau FSB.', 'fsb'],
    ['he', 'שירות הביטחון הכללי עצר חשוד בריגול.', 'shin-bet'],
    ['he', 'לדברי שב״כ החשוד היה בקשר עם גורם זר.', 'shin-bet'],
    ['ar', 'أعلن جهاز الأمن العام الإسرائيلي الشاباك اعتقال خلية.', 'shin-bet'],
    ['ar', 'اتهمت هيئة السايبر الوطني الإسرائيلية جهات إيرانية بالهجوم.', 'israel-national-cyber-directorate'],
    ['ms', 'Jabatan Kehakiman Amerika Syarikat mendakwa lima warga China.', 'us-doj'],
    ['id', 'Departemen Kehakiman AS mendakwa enam perwira.', 'us-doj'],
    ['fa', 'هر سه گروه با اداره فرماندهی شناسایی کره شمالی مرتبط هستند.', 'rgb'],
    ['ko', '중국 공안부가 해커들을 고용했다고 밝혔다.', 'mps'],
    ['ko', '미국 법무부는 해킹 혐의로 두 사람을 기소했다.', 'us-doj'],
    ['vi', 'Cục Điều tra Liên bang phát hiện thiết bị giả mạo vị trí.', 'fbi'],
    ['vi', 'Bộ Tư pháp Mỹ khởi tố ba tin tặc.', 'us-doj'],
    ['ar', 'وجهت وزارة العدل الأميركية الاتهام إلى عشرة مواطنين.', 'us-doj'],
    ['ja', '米司法省は中国人ハッカー5人を起訴した。', 'us-doj'],
    ['ru', 'Министерство юстиции США выдвинуло обвинения.', 'us-doj'],
    ['ru', 'По данным Минюста США, обвиняемые служили в разведке.', 'us-doj'],
    ['ar', 'أعلن جهاز الأمن الاتحادي الروسي اعتقال عالم.', 'fsb'],
    ['ko', '영국 국가사이버안보센터가 증거를 확보했다고 밝혔다.', 'uk-ncsc'],
    ['vi', 'Nhóm tin tặc được cho là có liên hệ với Tổng cục trinh sát miền Bắc.', 'rgb'],
    ['fa', 'آژانس امنیت ملی آمریکا مکالمات تلفنی را شنود می‌کرد.', 'nsa'],
    ['hi', 'एफबीआई ने उत्तर कोरिया से जुड़े हैकरों पर आरोप लगाया है।', 'fbi'],
    ['hi', 'अमेरिकी न्याय विभाग ने जीआरयू के सात एजेंटों पर आरोप लगाया।', 'gru'],
    ['hi', 'अमेरिकी न्याय विभाग ने जीआरयू के सात एजेंटों पर आरोप लगाया।', 'us-doj'],
    ['th', 'กระทรวงยุติธรรมสหรัฐฯ ตั้งข้อหาเจ้าหน้าที่ข่าวกรองรัสเซีย 7 คน', 'us-doj'],
    ['ar', 'وجميعهم ضباط في الوكالة العسكرية الروسية المعروفة باسم جي أر يو.', 'gru'],
    ['ru', 'Санкции введены против главы киберкомандования КСИР.', 'irgc'],
    ['id', 'Para terdakwa bertindak atas perintah Garda Revolusi Iran.', 'irgc'],
    ['id', 'Gedung itu menjadi kantor dari Kementerian Keamanan Negara Cina.', 'mss'],
    ['ms', 'Menurut kenyataan yang dikeluarkan oleh Pengawal Revolusi, lima individu ditahan.', 'irgc'],
    ['vi', 'Trung tâm An ninh mạng Quốc gia của Anh cảnh báo về tin tặc.', 'uk-ncsc'],
  ])('%s: %s', (_lang, text, id) => {
    expect(ids(text)).toContain(id);
  });
});

describe('other senses of the same words are not matched to the agency', () => {
  test.each([
    [
      'ru: the Stasi is not China’s MSS',
      'Архивы Министерства государственной безопасности ГДР открыты для историков.',
      'mss',
    ],
    ['ru: the lower-case word is not the NSA', 'Слово анб не аббревиатура.', 'nsa'],
    [
      'ja: a cyber force of another country is not US Cyber Command',
      '北朝鮮サイバー軍の実態は分かっていない。',
      'us-cyber-command',
    ],
    ['ko: a company’s ICT division is not GCHQ', '회사 정보통신본부는 새 시스템을 도입했다.', 'gchq'],
    [
      'ko: Korea’s own cyber command is not US Cyber Command',
      '국군 사이버사령부가 훈련을 실시했다.',
      'us-cyber-command',
    ],
    [
      'vi: Vietnam’s own Ministry of Public Security is not China’s MPS',
      'Bộ Công an Việt Nam cảnh báo lừa đảo trực tuyến.',
      'mps',
    ],
    [
      'uk: Ukraine’s own military intelligence (HUR) is not the GRU',
      'Головне управління розвідки Міноборони України повідомило про атаку.',
      'gru',
    ],
    ['ko: the Stasi is not China’s MSS', '동독 국가안전부(슈타지)의 문서가 공개되었다.', 'mss'],
    ['ja: the Stasi is not China’s MSS', '東ドイツの国家保安省(シュタージ)の文書が公開された。', 'mss'],
    ['tr: the Stasi is not China’s MSS', 'Doğu Almanya Devlet Güvenlik Bakanlığı (Stasi) arşivleri açıldı.', 'mss'],
    ['vi: the Stasi is not China’s MSS', 'Hồ sơ của Bộ An ninh Quốc gia Đông Đức (Stasi) được công bố.', 'mss'],
    ['ar: the Stasi is not China’s MSS', 'فتحت أرشيفات وزارة أمن الدولة في ألمانيا الشرقية (شتازي).', 'mss'],
    [
      'ko: Korea’s own National Cyber Security Center is not the UK NCSC',
      '국정원 국가사이버안보센터가 경보를 발령했다.',
      'uk-ncsc',
    ],
  ])('%s', (_name, text, id) => {
    expect(ids(text)).not.toContain(id);
  });
});
