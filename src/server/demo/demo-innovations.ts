/**
 * Demo innovations of Kota Pangkalpinang: the 2025 period of seed 001 ("100 inovasi", at least one per
 * OPD) with a few dozen innovations in every status across many units and urusan, evidence files, and
 * a 2026 period into which some were carried over (the 2026 proposals are in demo-innovations-2026.ts).
 * Names are typical of Indonesian cities; texts are composed from varied parts and say they are demo text.
 */
export interface DemoInnovation {
  unit: string;
  name: string;
  tahapan: 'inisiatif' | 'uji_coba' | 'penerapan';
  jenis: 'digital' | 'non_digital';
  bentuk: 'tata_kelola' | 'pelayanan_publik' | 'lainnya';
  inisiator: 'kepala_daerah' | 'anggota_dprd' | 'opd' | 'asn' | 'masyarakat';
  urusan: string;
  irisan?: string[];
  tematik: 'digitalisasi_layanan' | 'penanggulangan_kemiskinan' | 'kemudahan_investasi' | 'prioritas_aktual_presiden' | 'non_tematik';
  status: 'draft' | 'diajukan' | 'dikembalikan' | 'terverifikasi' | 'ditolak';
  problem: string;
  method: string;
  carry?: boolean;
}

export const DEMO_INNOVATIONS: DemoInnovation[] = [
  {
    unit: 'Disdukcapil',
    name: 'Layanan Antar Jemput Akta Kelahiran (LAJU AKTA)',
    tahapan: 'penerapan',
    jenis: 'non_digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'adminduk',
    irisan: ['kesehatan'],
    tematik: 'digitalisasi_layanan',
    status: 'terverifikasi',
    problem: 'banyak bayi baru lahir belum memiliki akta kelahiran karena orang tua sulit datang ke kantor',
    method: 'petugas menjemput berkas di rumah sakit dan puskesmas lalu mengantar akta yang sudah jadi ke rumah warga',
    carry: true,
  },
  {
    unit: 'Diskominfo',
    name: 'Pangkalpinang Satu Data',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'opd',
    urusan: 'kominfo',
    irisan: ['statistik'],
    tematik: 'digitalisasi_layanan',
    status: 'terverifikasi',
    problem: 'data sektoral tersebar di banyak perangkat daerah dan sering berbeda',
    method: 'portal data terpadu dengan wali data di setiap perangkat daerah dan jadwal pemutakhiran',
    carry: true,
  },
  {
    unit: 'Dinkes',
    name: 'Posyandu Remaja Sehat Berprestasi',
    tahapan: 'penerapan',
    jenis: 'non_digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'asn',
    urusan: 'kesehatan',
    tematik: 'prioritas_aktual_presiden',
    status: 'terverifikasi',
    problem: 'remaja jarang memeriksakan kesehatan dan angka anemia remaja putri tinggi',
    method: 'posyandu khusus remaja di kelurahan dengan kader sebaya, skrining anemia dan konseling gizi',
  },
  {
    unit: 'PKM Gerunggang',
    name: 'Gerakan Pantau Stunting dari Rumah (GENTING)',
    tahapan: 'uji_coba',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'asn',
    urusan: 'kesehatan',
    irisan: ['ppkb'],
    tematik: 'prioritas_aktual_presiden',
    status: 'terverifikasi',
    problem: 'pemantauan tumbuh kembang balita berisiko stunting tidak rutin',
    method: 'kader mencatat berat dan tinggi badan balita melalui formulir daring yang langsung terbaca oleh puskesmas',
  },
  {
    unit: 'Disdikbud',
    name: 'Sekolah Ramah Anak Berbasis Literasi Digital',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'pendidikan',
    tematik: 'non_tematik',
    status: 'terverifikasi',
    problem: 'minat baca siswa rendah dan akses buku terbatas',
    method: 'perpustakaan digital sekolah dengan tantangan membaca bulanan dan pendampingan guru',
  },
  {
    unit: 'SDN 12 PGK',
    name: 'Kelas Inspirasi Bahari',
    tahapan: 'uji_coba',
    jenis: 'non_digital',
    bentuk: 'lainnya',
    inisiator: 'asn',
    urusan: 'pendidikan',
    irisan: ['kelautan_perikanan'],
    tematik: 'non_tematik',
    status: 'diajukan',
    problem: 'siswa pesisir kurang mengenal potensi kelautan daerahnya',
    method: 'pembelajaran tematik bersama nelayan dan penyuluh perikanan satu hari setiap bulan',
  },
  {
    unit: 'SMPN 2 PGK',
    name: 'Bank Sampah Sekolah Terintegrasi',
    tahapan: 'penerapan',
    jenis: 'non_digital',
    bentuk: 'lainnya',
    inisiator: 'asn',
    urusan: 'lingkungan_hidup',
    irisan: ['pendidikan'],
    tematik: 'non_tematik',
    status: 'terverifikasi',
    problem: 'sampah plastik di lingkungan sekolah menumpuk',
    method: 'siswa menabung sampah terpilah yang ditimbang dan dicatat lalu dijual ke bank sampah induk',
  },
  {
    unit: 'DLH',
    name: 'Bank Sampah Digital Kota',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'lingkungan_hidup',
    tematik: 'penanggulangan_kemiskinan',
    status: 'terverifikasi',
    problem: 'nasabah bank sampah tidak dapat memantau tabungannya',
    method: 'aplikasi pencatatan setoran sampah dan saldo nasabah yang dapat dicairkan atau dipakai membayar iuran',
  },
  {
    unit: 'UPTD Sampah',
    name: 'Jemput Sampah Terjadwal (JESSICA)',
    tahapan: 'uji_coba',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'asn',
    urusan: 'lingkungan_hidup',
    tematik: 'non_tematik',
    status: 'dikembalikan',
    problem: 'sampah rumah tangga di gang sempit tidak terangkut',
    method: 'jadwal jemput sampah dengan kendaraan roda tiga yang dapat dipesan warga melalui pesan singkat',
  },
  {
    unit: 'DPUPR',
    name: 'Lapor Jalan Rusak (LAJUR)',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'pupr',
    tematik: 'digitalisasi_layanan',
    status: 'terverifikasi',
    problem: 'laporan kerusakan jalan lambat sampai ke dinas',
    method: 'warga mengirim foto dan lokasi kerusakan jalan, petugas memperbarui status perbaikan',
  },
  {
    unit: 'Disperkim',
    name: 'Bedah Rumah Gotong Royong',
    tahapan: 'penerapan',
    jenis: 'non_digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'kepala_daerah',
    urusan: 'perumahan',
    irisan: ['sosial'],
    tematik: 'penanggulangan_kemiskinan',
    status: 'diajukan',
    problem: 'rumah tidak layak huni masih banyak di kawasan padat',
    method: 'perbaikan rumah bersama CSR, baznas dan swadaya warga dengan pendampingan teknis dinas',
  },
  {
    unit: 'Satpol PP',
    name: 'Patroli Ramah Warga Berbasis Kelurahan',
    tahapan: 'uji_coba',
    jenis: 'non_digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'trantibum',
    tematik: 'non_tematik',
    status: 'diajukan',
    problem: 'gangguan ketertiban di malam hari sering tidak tertangani',
    method: 'patroli terjadwal bersama linmas kelurahan dengan nomor aduan yang dijawab langsung',
  },
  {
    unit: 'BPBD',
    name: 'Kampung Siaga Banjir',
    tahapan: 'penerapan',
    jenis: 'non_digital',
    bentuk: 'lainnya',
    inisiator: 'opd',
    urusan: 'trantibum',
    irisan: ['pupr'],
    tematik: 'non_tematik',
    status: 'terverifikasi',
    problem: 'warga bantaran sungai terlambat mengungsi saat banjir',
    method: 'pelatihan relawan, peta jalur evakuasi dan pengeras suara peringatan dini di setiap RT',
  },
  {
    unit: 'Dinsos',
    name: 'Data Terpadu Kesejahteraan Sosial Mandiri',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'opd',
    urusan: 'sosial',
    tematik: 'penanggulangan_kemiskinan',
    status: 'terverifikasi',
    problem: 'penerima bantuan sosial tidak tepat sasaran',
    method: 'pemutakhiran data kesejahteraan oleh operator kelurahan dengan verifikasi lapangan berkala',
  },
  {
    unit: 'Dinsos',
    name: 'Rumah Singgah Lansia Terlantar',
    tahapan: 'inisiatif',
    jenis: 'non_digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'masyarakat',
    urusan: 'sosial',
    tematik: 'penanggulangan_kemiskinan',
    status: 'draft',
    problem: 'lansia terlantar tidak memiliki tempat tinggal sementara',
    method: 'rumah singgah yang dikelola bersama lembaga kesejahteraan sosial',
  },
  {
    unit: 'DPMPTSP',
    name: 'Izin Usaha Selesai di Meja (IUSM)',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'penanaman_modal',
    tematik: 'kemudahan_investasi',
    status: 'terverifikasi',
    problem: 'perizinan usaha kecil memakan waktu lama',
    method: 'pendampingan pengisian OSS di loket sehingga izin terbit pada hari yang sama',
    carry: true,
  },
  {
    unit: 'Bapenda',
    name: 'Bayar Pajak Daerah dari Genggaman',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'opd',
    urusan: 'keuangan',
    tematik: 'digitalisasi_layanan',
    status: 'diajukan',
    problem: 'wajib pajak harus antre untuk membayar pajak daerah',
    method: 'pembayaran pajak daerah melalui kanal bank dan dompet digital dengan kode bayar',
  },
  {
    unit: 'BPKAD',
    name: 'Aset Daerah Terpetakan (ASTER)',
    tahapan: 'uji_coba',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'asn',
    urusan: 'keuangan',
    tematik: 'non_tematik',
    status: 'dikembalikan',
    problem: 'aset tanah pemerintah kota belum terpetakan',
    method: 'pemetaan aset dengan koordinat dan foto yang terhubung ke kartu inventaris barang',
  },
  {
    unit: 'BKPSDM',
    name: 'Absensi ASN Berbasis Lokasi',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'opd',
    urusan: 'kepegawaian',
    tematik: 'digitalisasi_layanan',
    status: 'ditolak',
    problem: 'kehadiran pegawai sulit dipantau',
    method: 'absensi melalui ponsel dengan batas lokasi kantor',
  },
  {
    unit: 'Bapperida',
    name: 'Rumah Inovasi Pangkalpinang',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'kepala_daerah',
    urusan: 'litbang',
    irisan: ['perencanaan'],
    tematik: 'non_tematik',
    status: 'terverifikasi',
    problem: 'inovasi perangkat daerah tidak terdokumentasi dan tidak terpantau',
    method: 'wadah pengusulan, pendampingan dan pelaporan inovasi daerah dengan target tahunan',
  },
  {
    unit: 'Dishub',
    name: 'Parkir Non Tunai Pasar Pagi',
    tahapan: 'uji_coba',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'perhubungan',
    tematik: 'digitalisasi_layanan',
    status: 'diajukan',
    problem: 'kebocoran retribusi parkir',
    method: 'pembayaran parkir dengan kode QR dan rekap harian',
  },
  {
    unit: 'Disnaker',
    name: 'Bursa Kerja Daring Pangkalpinang',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'tenaga_kerja',
    tematik: 'penanggulangan_kemiskinan',
    status: 'terverifikasi',
    problem: 'pencari kerja sulit mendapatkan informasi lowongan lokal',
    method: 'portal lowongan dan pelatihan kerja yang terhubung dengan perusahaan setempat',
  },
  {
    unit: 'DP3APPKB',
    name: 'Ruang Aman Perempuan dan Anak (RUPA)',
    tahapan: 'penerapan',
    jenis: 'non_digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'p3a',
    tematik: 'non_tematik',
    status: 'diajukan',
    problem: 'korban kekerasan enggan melapor',
    method: 'layanan pengaduan dan pendampingan korban di setiap kecamatan',
  },
  {
    unit: 'DKPP',
    name: 'Pekarangan Pangan Lestari Perkotaan',
    tahapan: 'penerapan',
    jenis: 'non_digital',
    bentuk: 'lainnya',
    inisiator: 'masyarakat',
    urusan: 'pangan',
    irisan: ['pertanian'],
    tematik: 'penanggulangan_kemiskinan',
    status: 'terverifikasi',
    problem: 'ketergantungan rumah tangga pada sayuran dari luar daerah',
    method: 'kelompok wanita tani mengelola pekarangan dengan bibit dan pendampingan penyuluh',
  },
  {
    unit: 'Dinkop UKM',
    name: 'Klinik UMKM Naik Kelas',
    tahapan: 'uji_coba',
    jenis: 'non_digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'kukm',
    tematik: 'kemudahan_investasi',
    status: 'draft',
    problem: 'pelaku UMKM belum memiliki legalitas dan kemasan yang baik',
    method: 'konsultasi legalitas, kemasan dan pemasaran daring setiap pekan',
  },
  {
    unit: 'Disporapar',
    name: 'Wisata Sejarah Timah Berbasis QR',
    tahapan: 'inisiatif',
    jenis: 'digital',
    bentuk: 'lainnya',
    inisiator: 'asn',
    urusan: 'pariwisata',
    irisan: ['kebudayaan'],
    tematik: 'non_tematik',
    status: 'draft',
    problem: 'situs sejarah pertimahan kurang dikenal wisatawan',
    method: 'papan informasi dengan kode QR berisi cerita dan foto lama',
  },
  {
    unit: 'DPK',
    name: 'Perpustakaan Keliling Kampung',
    tahapan: 'penerapan',
    jenis: 'non_digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'perpustakaan',
    tematik: 'non_tematik',
    status: 'terverifikasi',
    problem: 'anak-anak di pinggiran kota jauh dari perpustakaan',
    method: 'mobil perpustakaan keliling dengan jadwal tetap dan kegiatan mendongeng',
  },
  {
    unit: 'Disdagin',
    name: 'Harga Pasar Hari Ini',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'perdagangan',
    tematik: 'non_tematik',
    status: 'diajukan',
    problem: 'warga tidak mengetahui harga bahan pokok terkini',
    method: 'papan harga digital dan kanal pesan berisi harga harian dari petugas pasar',
  },
  {
    unit: 'DKP',
    name: 'Nelayan Cerdas Cuaca',
    tahapan: 'uji_coba',
    jenis: 'digital',
    bentuk: 'lainnya',
    inisiator: 'opd',
    urusan: 'kelautan_perikanan',
    tematik: 'non_tematik',
    status: 'dikembalikan',
    problem: 'nelayan melaut tanpa informasi cuaca yang akurat',
    method: 'siaran informasi cuaca dan gelombang harian dari BMKG melalui grup pesan nelayan',
  },
  {
    unit: 'RSUD DH',
    name: 'Antrean Poliklinik Daring',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'kesehatan',
    tematik: 'digitalisasi_layanan',
    status: 'terverifikasi',
    problem: 'pasien menunggu berjam-jam di ruang tunggu poliklinik',
    method: 'pendaftaran dan nomor antrean poliklinik melalui aplikasi dengan perkiraan waktu layanan',
  },
  {
    unit: 'Kec. Gerunggang',
    name: 'Kecamatan Melayani Sampai Malam',
    tahapan: 'uji_coba',
    jenis: 'non_digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'adminduk',
    tematik: 'non_tematik',
    status: 'diajukan',
    problem: 'pekerja tidak sempat mengurus dokumen pada jam kerja',
    method: 'layanan administrasi pada sore dan malam hari dua kali sepekan',
  },
  {
    unit: 'Kec. Tamansari',
    name: 'Musrenbang Kelurahan Daring',
    tahapan: 'inisiatif',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'masyarakat',
    urusan: 'perencanaan',
    tematik: 'non_tematik',
    status: 'draft',
    problem: 'partisipasi warga muda dalam musrenbang rendah',
    method: 'usulan musrenbang melalui formulir daring dan siaran langsung rapat',
  },
  {
    unit: 'Inspektorat',
    name: 'Klinik Konsultasi Pengadaan',
    tahapan: 'penerapan',
    jenis: 'non_digital',
    bentuk: 'tata_kelola',
    inisiator: 'opd',
    urusan: 'fungsi_lain',
    tematik: 'non_tematik',
    status: 'ditolak',
    problem: 'temuan pemeriksaan berulang pada pengadaan barang dan jasa',
    method: 'konsultasi sebelum proses pengadaan dimulai',
  },
  {
    unit: 'Setda',
    name: 'Naskah Dinas Elektronik',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'opd',
    urusan: 'fungsi_lain',
    irisan: ['kearsipan'],
    tematik: 'digitalisasi_layanan',
    status: 'terverifikasi',
    problem: 'surat-menyurat kertas lambat dan sulit ditelusuri',
    method: 'tata naskah dinas elektronik dengan tanda tangan elektronik tersertifikasi',
  },
  {
    unit: 'Kesbangpol',
    name: 'Forum Kerukunan Digital',
    tahapan: 'inisiatif',
    jenis: 'digital',
    bentuk: 'lainnya',
    inisiator: 'opd',
    urusan: 'trantibum',
    tematik: 'non_tematik',
    status: 'draft',
    problem: 'informasi hoaks memicu ketegangan antarwarga',
    method: 'kanal klarifikasi cepat bersama tokoh agama dan pemuda',
  },
  {
    unit: 'Setwan',
    name: 'Reses Terbuka Berbasis Aplikasi',
    tahapan: 'inisiatif',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'anggota_dprd',
    urusan: 'fungsi_lain',
    tematik: 'non_tematik',
    status: 'dikembalikan',
    problem: 'aspirasi reses tidak terdokumentasi',
    method: 'pencatatan aspirasi reses anggota DPRD yang dapat dipantau tindak lanjutnya',
  },
];

/** A deterministic number in min..max from a string, so the demo looks varied but never changes. */
export function demoPick(key: string, min: number, max: number): number {
  let h = 7;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
  return min + (h % (max - min + 1));
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** What a rancang bangun may say about where the innovation runs: a school writes differently from a dinas. */
export interface RancangBangunContext {
  /** The unit's full name ("SD Negeri 7 Pangkalpinang"). */
  unitName?: string;
  isSchool?: boolean;
  /** The city ("Kota Pangkalpinang"). */
  city?: string;
}

type Part = (d: DemoInnovation, c: Required<RancangBangunContext>, n: (slot: string, min: number, max: number) => number) => string;

/**
 * Each part of the national rancang bangun outline (latar belakang, masalah, perubahan, sebelum dan
 * sesudah, dasar hukum, tim, tahapan, keunggulan, pemantauan, kendala, capaian, keberlanjutan) has
 * several ways of being said; an innovation's own name picks one of each and its own figures, so no
 * two demo innovations read alike (reviewers compare them side by side).
 */
const PARTS: Part[][] = [
  [
    (d, c) => `Latar belakang inovasi ${d.name} di ${c.unitName} adalah kenyataan bahwa ${d.problem}.`,
    (d, c) => `${c.unitName} menyusun ${d.name} karena selama beberapa tahun terakhir ${d.problem}.`,
    (d) => `Inovasi ${d.name} lahir dari pengamatan sehari-hari: ${d.problem}, dan keadaan itu terus berulang.`,
    (d, c) => `Dalam rapat evaluasi tahunan ${c.unitName} terungkap bahwa ${d.problem}; dari situlah ${d.name} dirancang.`,
  ],
  [
    (_d, _c, n) => `Catatan internal menunjukkan sekitar ${n('b', 18, 46)} persen sasaran belum terlayani dengan baik sebelum inovasi dimulai.`,
    (_d, c, n) => `Pada tahun sebelumnya tercatat ${n('b', 35, 240)} keluhan dan laporan terkait masalah ini di ${c.city}.`,
    (_d, c, n) =>
      c.isSchool
        ? `Survei sederhana kepada ${n('b', 60, 320)} siswa dan orang tua menunjukkan masalah ini dirasakan oleh lebih dari separuh responden.`
        : `Survei sederhana kepada ${n('b', 80, 450)} warga penerima layanan menunjukkan masalah ini dirasakan oleh lebih dari separuh responden.`,
  ],
  [
    (d) => `Pokok perubahan yang dilakukan adalah ${d.method}.`,
    (d) => `Inti inovasi ini sederhana: ${d.method}.`,
    (d) => `Perubahan yang ditawarkan berupa ${d.method}, sehingga pekerjaan yang sama tidak lagi dilakukan dengan cara lama.`,
  ],
  [
    () =>
      'Sebelum inovasi, proses berjalan manual, bergantung pada tatap muka, dan tidak menghasilkan data yang dapat dipakai untuk mengambil keputusan; sesudahnya setiap langkah tercatat dan perkembangannya dapat diketahui oleh yang dilayani.',
    (_d, _c, n) =>
      `Dahulu penyelesaian satu urusan rata-rata memerlukan ${n('d', 4, 14)} hari kerja dan beberapa kali kedatangan; kini cukup ${n('e', 1, 3)} hari kerja dengan satu kali kedatangan atau tanpa datang sama sekali.`,
    (_d, c) =>
      c.isSchool
        ? 'Sebelumnya kegiatan serupa hanya bergantung pada inisiatif guru masing-masing; kini ada jadwal, penanggung jawab, dan catatan capaian yang dibaca bersama setiap akhir bulan.'
        : 'Sebelumnya tidak ada prosedur baku sehingga tiap petugas bekerja dengan caranya sendiri; kini ada prosedur operasi standar yang sama, formulir tunggal, dan rekapitulasi bulanan.',
  ],
  [
    (_d, c) =>
      c.isSchool
        ? `Dasar pelaksanaannya adalah Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah, kebijakan Dinas Pendidikan dan Kebudayaan ${c.city}, serta keputusan kepala sekolah tentang tim pelaksana.`
        : `Dasar hukum pelaksanaannya adalah Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah serta keputusan wali kota tentang penetapan inovasi daerah ${c.city}.`,
    (_d, c) =>
      `Inovasi ini berpijak pada Peraturan Pemerintah Nomor 38 Tahun 2017 dan Permendagri Nomor 104 Tahun 2018, dan ditetapkan melalui keputusan kepala ${c.unitName}.`,
    (_d, c, n) =>
      `Penetapannya dituangkan dalam surat keputusan kepala ${c.unitName} tahun ${n('sk', 2023, 2025)}, merujuk pada ketentuan inovasi daerah dalam Peraturan Pemerintah Nomor 38 Tahun 2017.`,
  ],
  [
    (_d, c, n) =>
      c.isSchool
        ? `Tim pelaksana terdiri atas kepala sekolah, ${n('t', 3, 9)} guru, tenaga kependidikan, dan perwakilan komite sekolah yang bertemu setiap bulan.`
        : `Tim pelaksana terdiri atas ${n('t', 4, 12)} orang: pejabat struktural, staf teknis, dan perwakilan masyarakat yang bertemu secara berkala untuk mengevaluasi pelaksanaan.`,
    (_d, c) =>
      c.isSchool
        ? 'Pelaksananya guru kelas dan guru mata pelajaran dengan dukungan paguyuban orang tua, dikoordinasikan oleh wakil kepala sekolah.'
        : 'Pelaksananya satu tim lintas bidang yang diketuai sekretaris perangkat daerah, dengan narahubung di setiap kelurahan.',
    (_d, c, n) =>
      c.isSchool
        ? `Penggeraknya ${n('t', 2, 5)} guru muda yang sebelumnya mengikuti komunitas belajar, kemudian mengajak rekan sejawat dan siswa kelas atas sebagai pendamping.`
        : `Penggeraknya ${n('t', 2, 6)} ASN fungsional yang mengusulkan gagasan ini dalam forum inovasi, kemudian didukung kepala perangkat daerah.`,
  ],
  [
    (_d, _c, n) =>
      `Tahapannya dimulai dengan pemetaan masalah pada bulan ${MONTHS[n('m', 0, 11)]}, dilanjutkan penyusunan prosedur, uji coba terbatas selama ${n('u', 2, 6)} bulan, lalu perluasan bertahap.`,
    (_d, _c, n) =>
      `Uji coba dilakukan selama ${n('u', 2, 6)} bulan pada kelompok kecil sasaran, kemudian hasilnya dibahas bersama pemangku kepentingan sebelum diterapkan penuh.`,
    () =>
      'Pelaksanaan dibagi menjadi tiga tahap: persiapan dan sosialisasi, uji coba dengan pendampingan, serta penerapan penuh dengan evaluasi triwulanan.',
  ],
  [
    () => 'Keunggulannya terletak pada biaya yang rendah, kemudahan direplikasi oleh unit lain, dan keterlibatan aktif warga sejak awal.',
    () => 'Inovasi ini tidak memerlukan anggaran besar karena memanfaatkan sarana yang sudah ada, dan caranya mudah ditiru oleh unit lain.',
    (_d, c) =>
      c.isSchool
        ? 'Kelebihannya, kegiatan menyatu dengan jam belajar sehingga tidak menambah beban siswa, dan melibatkan orang tua secara nyata.'
        : 'Kelebihannya adalah layanan menjadi dapat dipantau oleh pimpinan setiap saat, dan warga mengetahui kapan urusannya selesai.',
    () =>
      'Yang membedakannya dari cara lama adalah adanya data capaian yang terbuka, sehingga perbaikan dapat diarahkan pada titik yang paling lemah.',
  ],
  [
    (_d, _c, n) =>
      `Pemantauan dilakukan setiap bulan dengan ${n('i', 3, 5)} indikator, antara lain jumlah penerima manfaat, waktu penyelesaian, dan tingkat kepuasan yang diukur melalui survei singkat.`,
    () => 'Perkembangan dipantau melalui rekapitulasi bulanan yang dilaporkan kepada pimpinan dan dibahas dalam rapat evaluasi triwulanan.',
    (_d, c) =>
      c.isSchool
        ? 'Setiap akhir semester hasilnya dilaporkan kepada pengawas sekolah dan orang tua melalui rapat komite.'
        : 'Hasilnya dilaporkan setiap triwulan kepada Bapperida sebagai bahan pembinaan inovasi daerah.',
  ],
  [
    () => 'Kendala yang dihadapi antara lain keterbatasan anggaran, perubahan kebiasaan petugas, dan jaringan internet yang belum merata.',
    (_d, c) =>
      c.isSchool
        ? 'Kendala utamanya adalah waktu guru yang terbatas dan belum semua orang tua dapat mendampingi anak di rumah.'
        : 'Kendala utamanya adalah sebagian warga belum terbiasa dengan cara baru dan data awal yang belum lengkap.',
    () => 'Tantangan terbesar justru datang dari kebiasaan lama; sebagian pihak perlu waktu untuk percaya bahwa cara baru lebih mudah.',
    () => 'Pada awal pelaksanaan sarana pendukung belum memadai dan pencatatan masih ganda antara kertas dan formulir daring.',
  ],
  [
    () => 'Untuk mengatasinya dilakukan bimbingan teknis, penyediaan perangkat pendukung, dan kerja sama dengan pihak swasta.',
    () => 'Jalan keluarnya adalah pendampingan langsung, jadwal yang lebih lentur, dan pembagian peran yang jelas di antara pelaksana.',
    (_d, c) =>
      c.isSchool
        ? 'Sekolah mengatasinya dengan membagi tugas di antara guru, menggandeng komite sekolah, dan memanfaatkan dana BOS sesuai ketentuan.'
        : 'Perangkat daerah mengatasinya dengan sosialisasi di kelurahan, penambahan petugas piket, dan kerja sama dengan tokoh masyarakat.',
  ],
  [
    (_d, _c, n) => {
      const before = n('p', 22, 55);
      return `Capaiannya terukur: indikator utama naik dari ${before} persen menjadi ${before + n('q', 15, 40)} persen dalam satu tahun pelaksanaan.`;
    },
    (_d, _c, n) => `Sejak diterapkan, inovasi ini telah melayani ${n('r', 120, 2400)} penerima manfaat dan keluhan terkait turun hampir separuh.`,
    (_d, c, n) =>
      c.isSchool
        ? `Dalam satu tahun ajaran, ${n('r', 70, 96)} persen siswa sasaran ikut serta secara rutin dan nilai rata-rata terkait meningkat.`
        : `Dalam satu tahun, waktu layanan rata-rata berkurang ${n('r', 30, 70)} persen dan jumlah pengguna terus bertambah.`,
  ],
  [
    () => 'Keberlanjutan inovasi dijamin dengan memasukkannya ke dalam rencana kerja dan anggaran tahunan.',
    (_d, c) =>
      c.isSchool
        ? 'Agar berlanjut, kegiatan ini dicantumkan dalam rencana kerja sekolah dan kurikulum operasional satuan pendidikan.'
        : 'Agar berlanjut, inovasi ini dicantumkan dalam rencana strategis perangkat daerah dan ditetapkan sebagai prosedur tetap.',
    () => 'Ke depan inovasi ini akan dikembangkan dan ditawarkan untuk direplikasi oleh unit lain yang menghadapi masalah serupa.',
  ],
];

/**
 * The second paragraph: who takes part, what it costs, what could go wrong, who copied it, what the
 * medium is, and what comes next; again several ways of saying each.
 */
const MORE: Part[][] = [
  [
    (_d, c) =>
      c.isSchool
        ? 'Pemangku kepentingan yang terlibat adalah siswa, guru, orang tua, komite sekolah, serta puskesmas dan kelurahan di sekitar sekolah.'
        : `Pemangku kepentingan yang terlibat meliputi ${c.unitName}, camat dan lurah, kelompok masyarakat, serta dunia usaha setempat.`,
    () => 'Mitra utamanya adalah warga sendiri: mereka ikut merancang, menguji, dan memberi masukan pada setiap tahap.',
    (_d, c) => `Di luar ${c.unitName}, inovasi ini didukung perguruan tinggi setempat yang membantu pengukuran hasil.`,
  ],
  [
    (_d, _c, n) => `Biaya yang diperlukan relatif kecil, sekitar Rp${n('rp', 3, 95)} juta setahun, sebagian besar untuk bahan dan pelatihan.`,
    () => 'Pembiayaannya memanfaatkan anggaran rutin tanpa pos belanja baru, ditambah dukungan sukarela dari mitra.',
    (_d, c) =>
      c.isSchool
        ? 'Pembiayaan berasal dari dana operasional sekolah sesuai ketentuan dan sumbangan sukarela yang dicatat terbuka.'
        : 'Pembiayaan berasal dari anggaran perangkat daerah dan program tanggung jawab sosial perusahaan.',
  ],
  [
    () => 'Risiko terbesarnya adalah semangat yang menurun setelah beberapa bulan, sehingga disiapkan penghargaan bulanan bagi pelaksana terbaik.',
    () => 'Agar tidak berhenti ketika pelaksana berganti, setiap langkah dituliskan dalam panduan singkat yang mudah diikuti orang baru.',
    () => 'Data pribadi yang terkumpul dijaga kerahasiaannya dan hanya dibuka kepada petugas yang berwenang.',
  ],
  [
    (_d, _c, n) => `Sampai saat ini ${n('rep', 2, 9)} unit lain telah mempelajari inovasi ini dan sebagian mulai menirunya.`,
    () => 'Inovasi ini telah dipaparkan dalam rakor inovasi daerah dan diminati unit lain untuk direplikasi.',
    () => 'Belum ada unit lain yang menirunya, tetapi panduan replikasi sudah disiapkan dan dibagikan.',
  ],
  [
    (d) =>
      d.jenis === 'digital'
        ? 'Sebagai inovasi digital, aplikasinya dapat dibuka melalui telepon genggam dan datanya tersimpan di server pemerintah kota.'
        : 'Sebagai inovasi nondigital, kekuatannya ada pada pertemuan langsung dan kebiasaan baru yang dibangun bersama.',
    (d) =>
      d.jenis === 'digital'
        ? 'Formulir daring dan rekap otomatis menggantikan buku catatan, tetapi layanan tatap muka tetap disediakan bagi yang memerlukan.'
        : 'Pencatatannya masih sederhana dengan buku dan formulir, lalu direkap setiap bulan ke dalam lembar kerja.',
    () => 'Media yang dipakai dipilih yang paling mudah dijangkau sasaran, bukan yang paling canggih.',
  ],
  [
    () => 'Bukti dukungnya berupa surat keputusan, foto kegiatan, daftar hadir, dan rekap capaian bulanan yang disimpan dalam satu map digital.',
    (_d, _c, n) =>
      `Setiap kegiatan didokumentasikan; hingga kini terkumpul ${n('doc', 12, 80)} laporan kegiatan lengkap dengan foto dan daftar hadir.`,
    () => 'Dokumentasi disusun rapi sejak awal sehingga verifikator dapat menelusuri setiap klaim sampai ke bukti aslinya.',
  ],
  [
    () => 'Tahun depan cakupan akan diperluas dan hasilnya diukur ulang dengan survei kepuasan.',
    (_d, c) =>
      c.isSchool
        ? 'Rencana berikutnya adalah mengajak sekolah lain dalam gugus yang sama dan menuliskan praktik baik ini untuk dibagikan.'
        : 'Rencana berikutnya adalah menghubungkan data inovasi ini dengan portal satu data kota.',
    () => 'Pengembangan selanjutnya diarahkan pada pengukuran dampak yang lebih teliti dan pelibatan lebih banyak warga.',
  ],
];

/**
 * A rancang bangun of well over 300 words (the national minimum), in two paragraphs, built from the
 * innovation's own problem and method, its unit, and parts chosen by its name; it says it is demo text.
 */
export function demoRancangBangun(d: DemoInnovation, context: RancangBangunContext = {}): string {
  const c: Required<RancangBangunContext> = {
    unitName: context.unitName ?? d.unit,
    isSchool: context.isSchool ?? false,
    city: context.city ?? 'Kota Pangkalpinang',
  };
  const n = (slot: string, min: number, max: number) => demoPick(`${d.name}/${slot}`, min, max);
  const say = (pools: Part[][], tag: string) =>
    pools.map((options, i) => (options[demoPick(`${tag}${i}:${d.name}`, 0, options.length - 1)] as Part)(d, c, n)).join(' ');
  return `${say(PARTS, 'a')}\n\n${say(MORE, 'b')} (Teks ini adalah contoh data demo Sinergi.)`;
}

/** A one-page PDF with a line of text, valid enough for any viewer (demo evidence). */
export function demoPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '').slice(0, 90);
  const stream = `BT /F1 14 Tf 60 760 Td (${text}) Tj ET\nBT /F1 10 Tf 60 740 Td (Dokumen contoh data demo Sinergi) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
