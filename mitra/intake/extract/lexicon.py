"""Word lists shared by the rules: folded keys, kept as data so they are easy to extend."""

from mitra.intake.extract.phrases import PhraseTable


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def phrases(*items: str) -> PhraseTable[str]:
    table = PhraseTable[str]()
    for item in items:
        table.add(item, item)
    return table


# Government prefixes before an Indonesian region name and the region type they imply.
REGION_PREFIXES: dict[str, str | None] = {
    "pemerintah provinsi": "province",
    "pemerintah kabupaten": "regency",
    "pemerintah kota": "city",
    "pemerintah daerah": None,
    "pemko": "city",
    "pemerintah kota administrasi": "city",
    "pemerintah": None,
    "pemda": None,
    "pemprov": "province",
    "pemprop": "province",
    "provinsi": "province",
    "propinsi": "province",
    "prov": "province",
    "pemkab": "regency",
    "kabupaten": "regency",
    "kab": "regency",
    "pemkot": "city",
    "kota": "city",
    "kota administrasi": "city",
    "kotamadya": "city",
    "kodya": "city",
    "daerah istimewa": "province",
    "daerah khusus": "province",
}
# Heads of a region (and its council) whose title names the region: "Wali Kota Makassar".
REGION_HEADS: dict[str, str | None] = {
    "wali kota": "city",
    "walikota": "city",
    "wakil wali kota": "city",
    "wakil walikota": "city",
    "wawali": "city",
    "wawalkot": "city",
    "bupati": "regency",
    "wakil bupati": "regency",
    "wabup": "regency",
    "gubernur": "province",
    "wakil gubernur": "province",
    "wagub": "province",
    "sekda": None,
    "sekretaris daerah": None,
    "sekkot": "city",
    "sekretaris kota": "city",
    "dprd": None,
    "ketua dprd": None,
    "setda": None,
    "setkot": "city",
    "diskominfo": None,
    "bappeda": None,
}
# Role titles that open a person's role, as written in Indonesian and English news.
ROLE_HEADS = phrases(
    *REGION_HEADS,
    "asisten", "kepala", "kadis", "kabag", "kabid", "kasubag", "kasi", "kaban", "kasatpol pp",
    "direktur", "direktur utama", "dirut", "direktur jenderal", "dirjen", "deputi", "sekjen",
    "sekretaris jenderal", "sekretaris", "presiden", "wakil presiden", "perdana menteri",
    "menteri", "wakil menteri", "wamen", "duta besar", "dubes", "konsul jenderal", "konjen",
    "konsul", "atase", "ketua", "wakil ketua", "rektor", "wakil rektor", "dekan", "camat",
    "lurah", "staf ahli", "anggota dprd", "anggota", "koordinator", "manajer", "general manager",
    "chief executive officer", "ceo", "chairman", "chairwoman", "president director",
    "presiden direktur", "komisaris", "komisaris utama", "pendiri", "founder", "mayor",
    "deputy mayor", "vice mayor", "governor", "vice governor", "minister", "ambassador",
    "consul general", "president", "vice president", "director", "managing director",
    "director general", "head", "chief", "secretary general", "kapolri", "kapolda", "kapolres",
    "kapolrestabes", "pangdam", "danrem", "country director", "representative",
    "kepala perwakilan", "chief representative", "wakil kepala", "perwakilan", "kuasa hukum",
    "country manager", "manager", "juru bicara", "jubir", "koordinator program", "premier",
    "lord mayor", "regional ceo", "setiausaha", "setiausaha kerajaan", "menteri besar",
    "penasihat", "yang dipertua",
    # officials named by their rank or post only, and short forms of the secretaries
    "pejabat", "sekkota", "sekkab", "sekdakab", "sekdakot", "sekdaprov", "sekda",
    "counsellor", "counselor", "konselor", "lead coordinator", "kasubdit", "kasubbag",
    "kasubbid", "kabid", "direktur regional", "regional director", "kadinkes", "kadisdik",
    "kadispar", "kadishub", "kadiskominfo", "kadisperindag", "kadistan", "atdikbud",
    "konsulat jenderal",
    # short posts: Kepala Biro, Asisten Daerah, Kepala Desa
    "karo", "asda", "kades",
    # short posts of the regional leadership forum and the chamber: Komandan Kodim ..., Ketua
    # Kadin Daerah ("rombongan, yakni Ketua DPRD, Dandim 0618/BS, Kapolrestabes ...")
    "dandim", "danramil", "danlanal", "danlanud", "kapolresta", "kapolsek", "kajari",
    "kajati", "kadinda",
    # English posts of development agencies: "Astrid Kartika, Unit Leader of ... DFAT"
    "team leader", "unit leader", "program manager", "programme manager", "project manager",
    "project officer", "program officer", "programme officer",
)  # fmt: skip
# Acting and former modifiers kept in the role ("Plt Kepala Dinas").
ROLE_MODIFIERS = words("plt plh pj pjs penjabat mantan eks")
# Capitalised words that continue a role rather than start a name.
ROLE_WORDS = words(
    """
    kepala wakil bagian bidang sub subbagian subbidang seksi dinas badan kantor biro sekretariat
    sekretaris daerah kota kabupaten provinsi pemerintah pemkot pemkab pemprov pemda kerja sama
    kerjasama perekonomian ekonomi pembangunan perencanaan pengembangan aplikasi telematika
    komunikasi informatika informasi pariwisata kebudayaan budaya pendidikan kesehatan perhubungan
    lingkungan hidup kebersihan pertamanan pekerjaan umum penataan ruang tata perumahan permukiman
    kawasan sosial tenaga ketenagakerjaan koperasi usaha kecil menengah mikro perdagangan
    perindustrian industri penanaman modal pelayanan terpadu satu pintu pertanian peternakan
    perikanan kelautan pangan ketahanan energi sumber daya mineral kepemudaan pemuda olahraga
    olah raga perpustakaan kearsipan arsip kependudukan pencatatan sipil pemberdayaan masyarakat
    desa perempuan perlindungan pelindungan anak keluarga berencana penanggulangan bencana
    pemadam kebakaran satuan polisi pamong praja penelitian riset inovasi keuangan aset
    pendapatan kepegawaian manusia administrasi hukum organisasi protokol humas hubungan luar
    negeri dalam internasional asing teknologi digital statistik persandian pengawasan
    inspektorat investasi promosi urusan pemerintahan kesejahteraan rakyat kesra asisten staf
    ahli direktur utama jenderal deputi direktorat kementerian menteri negara republik ri
    kedutaan besar konsulat perwakilan dprd komisi fraksi ketua anggota tim koordinasi teknis
    unit pelaksana uptd rumah sakit rsud puskesmas fakultas program studi lembaga institut balai
    pusat cabang wilayah regional area operasional pemasaran bisnis perusahaan pt persero tbk
    bank dewan majelis forum asosiasi kamar dagang kadin himpunan ikatan perkumpulan yayasan
    partai kerjasama kesbangpol bapenda bappeda diskominfo dispar disbudpar disdik dinkes
    dispora dishub setda setkot setkab setwan bpbd bkpsdm bkd dpmptsp dlh pupr kominfo smart
    city government office department ministry affairs international relations cooperation
    division bureau mayor vice deputy governor minister ambassador consul general chief
    infrastruktur kewilayahan pembuat komitmen federation cities association council agency
    universitas university politeknik kampus
    executive officer director managing president secretary head senior sanggar hukum
    setiausaha kerajaan penasihat undang
    perwakilan misi manager program
    """
)
ROLE_CONNECTORS = words("dan untuk di bidang pada & of and for the de")
# Titles and honorifics dropped from names.
TITLES = words(
    "dr drs dra ir h hj hm prof kh k.h tn ny bapak ibu pak bu mr mrs ms sdr sdri tuan nyonya "
    "haji hajjah ustadz ustaz habib drg dr.h sir dato datuk datin tun yab yb yang amat berhormat"
)
# Malay honorifics that follow "Dato'" or "Datuk" ("Dato' Seri Utama", "Datuk Wira"): titles
# there, name words elsewhere.
MALAY_HONORIFICS = words("seri sri utama wira paduka setia")
NAME_PARTICLES = words("bin binti van von de der den ter al el dos da")
# Speech verbs after which a short name refers back to someone already named.
SPEECH_VERBS = words(
    "kata ujar ucap ungkap jelas sebut tutur imbuh tambah terang papar tegas beber lanjut katanya "
    "ujarnya ucapnya ungkapnya jelasnya sebutnya tuturnya imbuhnya tambahnya terangnya"
)
# Verbs that follow a name as its predicate: the name ends before them.
NAME_ENDERS = words(
    "mengatakan mengaku menjelaskan menyebutkan menuturkan menegaskan mengungkapkan menyampaikan "
    "berharap menambahkan menerangkan memaparkan menyatakan juga saat ketika yang dan bersama "
    "selaku sebagai dalam di ke dari pada usai seusai setelah menerima menandatangani meneken "
    "didampingi bersama-sama"
)
# Capitalised at the start of a sentence, never the first word of a name; with the connectives
# that open a sentence's explanation ("Artinya, investor Korea membangun ..."). Not "Lalu": it is
# also the Sasak title opening a name ("Lalu Muhammad ...").
SENTENCE_OPENERS = words(
    """
    menurut kata sementara selain namun sedangkan kemudian lebih dalam pada saat ketika hal ini
    itu dengan bersama oleh dari untuk bagi di ke adapun sebelumnya selanjutnya lanjutnya
    sejatinya dimana di mana yang para tak tidak juga pun kami kita saya dia ia mereka beliau
    hadir turut tampak terlihat acara kegiatan sebagaimana seperti tahun pihak kerja sama
    kerjasama penandatanganan rencana program sedang hingga sampai setelah sebelum usai seusai
    selama sejak jadi maka bahkan tapi tetapi sehingga agar supaya jika kalau apabila bila
    artinya maksudnya intinya akhirnya hasilnya misalnya contohnya tentunya sayangnya
    untungnya nantinya biasanya sebenarnya singkatnya sebaliknya karenanya padahal apalagi
    terlebih kini memang
    """
)
# Legal forms of companies ("Co., Ltd.", "GmbH", "Oy").
LEGAL_FORMS = words(
    "ltd limited inc incorporated corp corporation co gmbh ag sa nv bv pte sdn bhd berhad llc "
    "plc kk oy oyj ab asa as aps srl spa sas sarl bvba kft sro pty tbk"
)


# Indonesian campuses are named by the short form of their type before the proper name ("UIN
# Sunan Ampel Surabaya", "STIE Pariwisata Semarang", "Poltekkes Kemenkes Malang"): the short
# form is the body word, and the city after it is part of the name.
CAMPUS_TYPES = words(
    "uin iain stain stie stikes stih stia stt stkip stmik stisip poltekkes polbangtan ipdn"
)
# English adjectives of nationality, as foreign bodies write them in their own names ("Dutch
# Water Authority", "German Development Bank", "Korea Tourism Organization" has the country
# itself): the country of the body.
DEMONYMS: dict[str, str] = {
    "american": "US", "australian": "AU", "austrian": "AT", "belgian": "BE", "british": "GB",
    "bruneian": "BN", "canadian": "CA", "chinese": "CN", "czech": "CZ", "danish": "DK",
    "dutch": "NL", "egyptian": "EG", "emirati": "AE", "finnish": "FI", "french": "FR",
    "german": "DE", "hungarian": "HU", "indian": "IN", "irish": "IE", "italian": "IT",
    "japanese": "JP", "korean": "KR", "kuwaiti": "KW", "malaysian": "MY", "moroccan": "MA",
    "norwegian": "NO", "philippine": "PH", "polish": "PL", "portuguese": "PT", "qatari": "QA",
    "russian": "RU", "saudi": "SA", "singaporean": "SG", "spanish": "ES", "swedish": "SE",
    "swiss": "CH", "taiwanese": "TW", "thai": "TH", "turkish": "TR", "vietnamese": "VN",
    "indonesian": "ID",
}  # fmt: skip
