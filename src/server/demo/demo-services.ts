/**
 * Demo: Kota Pangkalpinang's public services with their standar pelayanan (the six components a unit
 * publishes), and the application inventory that serves them. Requirements, time limits and fees
 * follow the national rules each service runs under (adminduk: Perpres 96/2018 and Permendagri
 * 108/2019; building approval: PP 16/2021; public information: UU 14/2008); local fees are named by
 * their regulation rather than invented amounts.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '#server/db/client.ts';
import { applicationServices, applications, services } from '#server/db/schema.ts';

const REGION = '19.71';

interface DemoService {
  unit: string;
  name: string;
  category: string;
  description: string;
  channel: 'online' | 'offline' | 'keduanya';
  onlineUrl?: string;
  isDigital?: boolean;
  requirements: string;
  procedure: string;
  duration: string;
  cost: string;
  product: string;
  /** Where this unit takes complaints, before the channels every unit shares. */
  complaintDesk: string;
}

const SHARED_COMPLAINT_CHANNELS =
  'SP4N-LAPOR! (www.lapor.go.id atau SMS 1708); formulir pengaduan di portal layanan Pemerintah Kota Pangkalpinang; kotak saran di ruang pelayanan. Pengaduan ditanggapi paling lambat 5 hari kerja.';

const lines = (...items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');

const ADMINDUK_COST = 'Tidak dipungut biaya (Pasal 79A UU 24/2013 tentang Administrasi Kependudukan).';
const ADMINDUK_DESK = 'Meja pengaduan Disdukcapil di Mal Pelayanan Publik, WhatsApp layanan Disdukcapil';

export const DEMO_SERVICES: DemoService[] = [
  // ---- Disdukcapil -----------------------------------------------------------------------------
  {
    unit: 'Disdukcapil',
    name: 'Penerbitan Akta Kelahiran',
    category: 'Administrasi kependudukan',
    description:
      'Pencatatan kelahiran dan penerbitan kutipan akta kelahiran bagi penduduk Kota Pangkalpinang, termasuk pelaporan kelahiran yang terlambat.',
    channel: 'keduanya',
    onlineUrl: 'https://disdukcapil.pangkalpinangkota.go.id/layanan-daring',
    isDigital: true,
    requirements: lines(
      'Surat keterangan kelahiran dari rumah sakit, puskesmas, klinik atau bidan; bila tidak ada, Surat Pernyataan Tanggung Jawab Mutlak (SPTJM) kebenaran data kelahiran',
      'Kartu Keluarga (KK) tempat anak didaftarkan',
      'Buku nikah / kutipan akta perkawinan orang tua, atau SPTJM kebenaran pasangan suami istri',
      'KTP-el orang tua atau pelapor',
    ),
    procedure: lines(
      'Pemohon mengunggah berkas melalui layanan daring atau menyerahkannya di loket Disdukcapil / Mal Pelayanan Publik',
      'Petugas memverifikasi berkas dan data kelahiran dalam SIAK',
      'Pejabat pencatatan sipil menandatangani akta secara elektronik (TTE)',
      'Akta dikirim ke surel / WhatsApp pemohon untuk dicetak sendiri di kertas HVS, atau diambil di loket',
    ),
    duration: '1 hari kerja sejak berkas dinyatakan lengkap',
    cost: ADMINDUK_COST,
    product: 'Kutipan Akta Kelahiran (bertanda tangan elektronik) dan Kartu Keluarga yang diperbarui',
    complaintDesk: ADMINDUK_DESK,
  },
  {
    unit: 'Disdukcapil',
    name: 'Penerbitan KTP-el',
    category: 'Administrasi kependudukan',
    description:
      'Perekaman dan pencetakan KTP elektronik untuk penduduk yang berusia 17 tahun, sudah kawin atau pernah kawin, serta penggantian KTP-el yang rusak atau hilang.',
    channel: 'offline',
    requirements: lines(
      'Berusia 17 tahun, sudah kawin atau pernah kawin',
      'Kartu Keluarga (KK)',
      'Untuk penggantian karena hilang: surat keterangan kehilangan dari kepolisian; karena rusak: KTP-el yang rusak',
    ),
    procedure: lines(
      'Pemohon datang ke loket perekaman Disdukcapil, kecamatan, atau jadwal perekaman keliling',
      'Petugas memeriksa data dalam SIAK dan melakukan perekaman foto, sidik jari, iris mata dan tanda tangan',
      'KTP-el dicetak setelah data tunggal (tidak ganda) dan blangko tersedia',
      'Pemohon menerima KTP-el dan dapat sekaligus mengaktifkan Identitas Kependudukan Digital (IKD)',
    ),
    duration: 'Perekaman 15 menit; pencetakan paling lama 1 hari kerja setelah data terverifikasi',
    cost: ADMINDUK_COST,
    product: 'KTP-el dan aktivasi Identitas Kependudukan Digital (IKD)',
    complaintDesk: ADMINDUK_DESK,
  },
  {
    unit: 'Disdukcapil',
    name: 'Penerbitan Kartu Keluarga',
    category: 'Administrasi kependudukan',
    description: 'Penerbitan KK baru (keluarga baru, pisah KK) dan perubahan KK karena peristiwa penting atau perubahan data.',
    channel: 'keduanya',
    onlineUrl: 'https://disdukcapil.pangkalpinangkota.go.id/layanan-daring',
    isDigital: true,
    requirements: lines(
      'Buku nikah / kutipan akta perkawinan, atau SPTJM perkawinan belum tercatat, untuk keluarga baru',
      'KK lama untuk perubahan data',
      'Dokumen pendukung perubahan (akta kelahiran, akta kematian, ijazah, surat keterangan pindah)',
    ),
    procedure: lines(
      'Pengajuan daring atau di loket dengan formulir biodata keluarga (F-1.01)',
      'Verifikasi dan pemutakhiran data dalam SIAK',
      'Penandatanganan KK secara elektronik',
      'KK dikirim untuk dicetak mandiri atau diambil di loket',
    ),
    duration: '1 hari kerja sejak berkas dinyatakan lengkap',
    cost: ADMINDUK_COST,
    product: 'Kartu Keluarga (bertanda tangan elektronik)',
    complaintDesk: ADMINDUK_DESK,
  },
  {
    unit: 'Disdukcapil',
    name: 'Pelayanan Pindah Datang Penduduk',
    category: 'Administrasi kependudukan',
    description:
      'Surat Keterangan Pindah bagi penduduk yang pindah ke luar Kota Pangkalpinang, dan pendaftaran kedatangan penduduk dari daerah lain.',
    channel: 'keduanya',
    onlineUrl: 'https://disdukcapil.pangkalpinangkota.go.id/layanan-daring',
    isDigital: true,
    requirements: lines(
      'Pindah keluar: KK dan KTP-el pemohon',
      'Datang: Surat Keterangan Pindah (SKPWNI) dari daerah asal',
      'Surat kuasa bila diurus oleh anggota keluarga lain',
    ),
    procedure: lines(
      'Pemohon mengajukan permohonan pindah atau datang secara daring atau di loket',
      'Petugas memverifikasi dan menerbitkan Surat Keterangan Pindah, atau memproses kedatangan',
      'Bagi penduduk datang, KK dan KTP-el baru diterbitkan dengan alamat Pangkalpinang',
    ),
    duration: '1 hari kerja sejak berkas dinyatakan lengkap',
    cost: ADMINDUK_COST,
    product: 'Surat Keterangan Pindah (SKPWNI); KK dan KTP-el baru bagi penduduk datang',
    complaintDesk: ADMINDUK_DESK,
  },
  // ---- DPMPTSP ---------------------------------------------------------------------------------
  {
    unit: 'DPMPTSP',
    name: 'Pendampingan Perizinan Berusaha (NIB melalui OSS RBA)',
    category: 'Perizinan berusaha',
    description:
      'Pendampingan pelaku usaha, terutama usaha mikro dan kecil, untuk memperoleh Nomor Induk Berusaha dan perizinan berbasis risiko melalui sistem OSS RBA.',
    channel: 'keduanya',
    onlineUrl: 'https://oss.go.id',
    isDigital: true,
    requirements: lines(
      'KTP-el (NIK) penanggung jawab usaha',
      'NPWP (bagi badan usaha; bagi orang perseorangan bila sudah memiliki)',
      'Alamat surel dan nomor telepon seluler yang aktif',
      'Alamat lokasi usaha dan kode KBLI kegiatan usaha',
      'Akta pendirian dan SK Kemenkumham bagi badan usaha',
    ),
    procedure: lines(
      'Pelaku usaha membuat akun di oss.go.id, sendiri atau dibantu petugas di loket pendampingan Mal Pelayanan Publik',
      'Mengisi data usaha, lokasi dan KBLI; sistem menentukan tingkat risiko',
      'NIB terbit otomatis; untuk risiko menengah dan tinggi, sertifikat standar atau izin diverifikasi oleh dinas teknis',
    ),
    duration: 'NIB terbit seketika untuk usaha risiko rendah; pendampingan selesai pada hari yang sama',
    cost: 'Tidak dipungut biaya',
    product: 'Nomor Induk Berusaha (NIB) dan, sesuai risiko, Sertifikat Standar atau Izin',
    complaintDesk: 'Help desk OSS di Mal Pelayanan Publik, fitur pengaduan pada oss.go.id',
  },
  {
    unit: 'DPMPTSP',
    name: 'Persetujuan Bangunan Gedung (PBG)',
    category: 'Perizinan bangunan',
    description: 'Persetujuan untuk membangun baru, mengubah, memperluas atau merawat bangunan gedung sesuai standar teknis, diajukan melalui SIMBG.',
    channel: 'online',
    onlineUrl: 'https://simbg.pu.go.id',
    isDigital: true,
    requirements: lines(
      'Data pemohon (KTP-el, NPWP) dan bukti kepemilikan atau penguasaan tanah',
      'Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR) / Keterangan Rencana Kota',
      'Dokumen rencana teknis: arsitektur, struktur, mekanikal, elektrikal dan perpipaan',
      'Dokumen lingkungan bila dipersyaratkan',
    ),
    procedure: lines(
      'Pemohon mendaftar dan mengunggah dokumen di SIMBG',
      'Konsultasi perencanaan dengan Tim Profesi Ahli / Tim Penilai Teknis',
      'Penerbitan Surat Pernyataan Pemenuhan Standar Teknis dan perhitungan retribusi',
      'Pemohon membayar retribusi; PBG diterbitkan melalui SIMBG',
    ),
    duration: 'Paling lama 28 hari kerja (PP 16/2021), di luar waktu perbaikan dokumen oleh pemohon',
    cost: 'Retribusi PBG sesuai Perda Kota Pangkalpinang tentang Pajak Daerah dan Retribusi Daerah, dihitung otomatis di SIMBG',
    product: 'Persetujuan Bangunan Gedung (PBG) dan lampiran dokumen teknis yang disetujui',
    complaintDesk: 'Loket konsultasi PBG di Mal Pelayanan Publik',
  },
  {
    unit: 'DPMPTSP',
    name: 'Izin Penyelenggaraan Reklame',
    category: 'Perizinan non-berusaha',
    description: 'Izin memasang reklame papan/billboard, megatron, kain dan reklame insidentil di wilayah Kota Pangkalpinang.',
    channel: 'keduanya',
    onlineUrl: 'https://sicantik.go.id',
    isDigital: true,
    requirements: lines(
      'KTP-el pemohon dan NPWPD',
      'Desain dan ukuran reklame, foto rencana lokasi',
      'Surat izin pemilik lahan atau bangunan tempat reklame dipasang',
      'Gambar konstruksi untuk reklame permanen',
    ),
    procedure: lines(
      'Permohonan melalui SiCantik Cloud atau loket DPMPTSP',
      'Peninjauan lokasi bersama Bapenda dan Dinas PUPR',
      'Penetapan pajak reklame oleh Bapenda dan pembayaran',
      'Penerbitan izin',
    ),
    duration: '5 hari kerja sejak berkas lengkap (reklame insidentil: 1 hari kerja)',
    cost: 'Izin tidak dipungut biaya; pajak reklame sesuai Perda Pajak Daerah dan Retribusi Daerah',
    product: 'Izin Penyelenggaraan Reklame',
    complaintDesk: 'Loket pengaduan DPMPTSP di Mal Pelayanan Publik',
  },
  // ---- Puskesmas ---------------------------------------------------------------------------------
  ...['PKM Gerunggang', 'PKM Taman Bunga'].flatMap((unit): DemoService[] => [
    {
      unit,
      name: 'Pemeriksaan Umum',
      category: 'Kesehatan',
      description: 'Pemeriksaan dan pengobatan di poli umum bagi pasien peserta JKN dan pasien umum.',
      channel: 'keduanya',
      onlineUrl: 'https://www.bpjs-kesehatan.go.id/#/mobile-jkn',
      requirements: lines('KTP-el atau KK', 'Kartu JKN-KIS atau NIK yang terdaftar sebagai peserta JKN (bagi peserta)'),
      procedure: lines(
        'Ambil nomor antrean di loket atau daring melalui aplikasi Mobile JKN',
        'Pendaftaran dan pemeriksaan tanda vital',
        'Pemeriksaan oleh dokter; bila perlu laboratorium atau rujukan',
        'Pengambilan obat di apotek puskesmas',
      ),
      duration: 'Sekitar 60 menit sejak pendaftaran',
      cost: 'Peserta JKN tidak dipungut biaya; pasien umum sesuai Perda retribusi pelayanan kesehatan',
      product: 'Pelayanan pemeriksaan, resep dan obat, surat rujukan atau surat keterangan sehat bila diperlukan',
      complaintDesk: `Petugas pengaduan ${unit === 'PKM Gerunggang' ? 'Puskesmas Gerunggang' : 'Puskesmas Taman Bunga'} di ruang tunggu`,
    },
    {
      unit,
      name: 'Imunisasi',
      category: 'Kesehatan',
      description: 'Imunisasi dasar lengkap dan lanjutan bagi bayi dan balita, serta imunisasi ibu hamil, sesuai jadwal program imunisasi nasional.',
      channel: 'offline',
      requirements: lines('Buku Kesehatan Ibu dan Anak (KIA)', 'KK atau KTP-el orang tua'),
      procedure: lines(
        'Datang pada jadwal imunisasi di puskesmas atau posyandu',
        'Penimbangan dan pemeriksaan kesehatan anak',
        'Pemberian imunisasi dan pencatatan di buku KIA',
        'Observasi 30 menit setelah imunisasi',
      ),
      duration: 'Sekitar 45 menit termasuk observasi',
      cost: 'Tidak dipungut biaya',
      product: 'Imunisasi dan catatan imunisasi di buku KIA',
      complaintDesk: `Petugas pengaduan ${unit === 'PKM Gerunggang' ? 'Puskesmas Gerunggang' : 'Puskesmas Taman Bunga'} di ruang tunggu`,
    },
  ]),
  // ---- RSUD Depati Hamzah ----------------------------------------------------------------------
  {
    unit: 'RSUD DH',
    name: 'Poliklinik Rawat Jalan',
    category: 'Kesehatan',
    description: 'Pelayanan rawat jalan dokter spesialis (penyakit dalam, anak, kebidanan, bedah, saraf, mata, THT dan lainnya).',
    channel: 'keduanya',
    onlineUrl: 'https://rsud.pangkalpinangkota.go.id/pendaftaran-online',
    isDigital: true,
    requirements: lines(
      'KTP-el atau KK',
      'Kartu JKN-KIS dan surat rujukan dari fasilitas kesehatan tingkat pertama (bagi peserta JKN)',
      'Kartu berobat RSUD bagi pasien lama',
    ),
    procedure: lines(
      'Pendaftaran daring (H-1) melalui laman RSUD atau Mobile JKN, atau di anjungan pendaftaran mandiri',
      'Verifikasi kepesertaan dan penerbitan SEP bagi peserta JKN',
      'Pemeriksaan oleh dokter spesialis di poliklinik',
      'Pemeriksaan penunjang, pengambilan obat di farmasi rawat jalan',
    ),
    duration: 'Sekitar 2–3 jam sejak pendaftaran, tergantung poliklinik dan pemeriksaan penunjang',
    cost: 'Peserta JKN sesuai ketentuan BPJS Kesehatan; pasien umum sesuai tarif BLUD yang ditetapkan Peraturan Wali Kota',
    product: 'Pelayanan pemeriksaan spesialis, resep dan obat, hasil penunjang, surat kontrol atau rujukan balik',
    complaintDesk: 'Unit Pengaduan RSUD Depati Hamzah di lobi utama',
  },
  {
    unit: 'RSUD DH',
    name: 'Instalasi Gawat Darurat (IGD)',
    category: 'Kesehatan',
    description: 'Pelayanan gawat darurat 24 jam untuk pasien dengan kondisi yang mengancam nyawa atau kecacatan.',
    channel: 'offline',
    requirements: lines(
      'Tidak ada persyaratan untuk mendapat pertolongan pertama',
      'Identitas pasien dan kartu JKN-KIS dilengkapi keluarga paling lambat 3 x 24 jam',
    ),
    procedure: lines(
      'Pasien datang langsung atau diantar ambulans (Call Center 112)',
      'Triase oleh dokter/perawat jaga untuk menentukan prioritas',
      'Tindakan kegawatdaruratan dan stabilisasi',
      'Pasien dirawat inap, dirujuk, atau dipulangkan',
    ),
    duration: 'Triase segera sejak pasien tiba; pelayanan 24 jam setiap hari',
    cost: 'Peserta JKN sesuai ketentuan BPJS Kesehatan; pasien umum sesuai tarif BLUD',
    product: 'Pelayanan kegawatdaruratan, resume medis, surat rujukan bila diperlukan',
    complaintDesk: 'Unit Pengaduan RSUD Depati Hamzah di lobi utama',
  },
  // ---- Dinas Sosial --------------------------------------------------------------------------------
  {
    unit: 'Dinsos',
    name: 'Rekomendasi Penerima Bantuan Iuran Jaminan Kesehatan (PBI-JK)',
    category: 'Perlindungan sosial',
    description:
      'Rekomendasi pendaftaran atau pengaktifan kembali kepesertaan JKN yang iurannya dibayar pemerintah bagi warga miskin dan tidak mampu.',
    channel: 'offline',
    requirements: lines(
      'KTP-el dan KK',
      'Terdaftar dalam DTSEN atau surat keterangan tidak mampu dari kelurahan',
      'Surat keterangan rawat inap dari rumah sakit bagi pasien yang sedang dirawat',
    ),
    procedure: lines(
      'Pemohon datang ke loket Dinas Sosial atau melalui pendamping sosial kelurahan',
      'Petugas memeriksa data di SIKS-NG/DTSEN',
      'Verifikasi lapangan bila belum terdaftar',
      'Rekomendasi diterbitkan dan diusulkan ke BPJS Kesehatan',
    ),
    duration: '1 hari kerja; pasien rawat inap dilayani pada hari yang sama',
    cost: 'Tidak dipungut biaya',
    product: 'Surat rekomendasi PBI-JK',
    complaintDesk: 'Loket pengaduan Dinas Sosial, pendamping sosial kelurahan',
  },
  {
    unit: 'Dinsos',
    name: 'Usulan dan Pemutakhiran Data Tunggal Sosial Ekonomi (DTSEN, dahulu DTKS)',
    category: 'Perlindungan sosial',
    description: 'Pendaftaran keluarga yang belum terdata dan pemutakhiran data sosial ekonomi sebagai dasar penyaluran bantuan sosial.',
    channel: 'keduanya',
    onlineUrl: 'https://cekbansos.kemensos.go.id',
    isDigital: true,
    requirements: lines('KTP-el dan KK seluruh anggota keluarga', 'Surat pengantar RT/RW dan kelurahan'),
    procedure: lines(
      'Pengajuan melalui kelurahan, loket Dinas Sosial, atau usul mandiri di aplikasi Cek Bansos',
      'Musyawarah kelurahan dan verifikasi lapangan',
      'Dinas Sosial mengunggah hasil verifikasi ke SIKS-NG',
      'Penetapan oleh Kementerian Sosial sesuai jadwal pemutakhiran',
    ),
    duration: 'Diproses pada siklus pemutakhiran bulanan berikutnya',
    cost: 'Tidak dipungut biaya',
    product: 'Status kepesertaan dalam DTSEN yang dapat dicek di cekbansos.kemensos.go.id',
    complaintDesk: 'Loket pengaduan Dinas Sosial, fitur sanggah di aplikasi Cek Bansos',
  },
  // ---- Dinas Perhubungan -----------------------------------------------------------------------
  {
    unit: 'Dishub',
    name: 'Pengujian Berkala Kendaraan Bermotor (Uji KIR)',
    category: 'Perhubungan',
    description: 'Uji berkala kelaikan jalan untuk mobil barang, mobil penumpang umum dan bus setiap 6 bulan.',
    channel: 'offline',
    requirements: lines(
      'STNK yang masih berlaku',
      'Kartu uji BLUe lama (uji berkala)',
      'KTP-el pemilik atau surat kuasa',
      'Kendaraan dibawa ke UPTD Pengujian',
    ),
    procedure: lines(
      'Pendaftaran di loket UPTD Pengujian Kendaraan Bermotor',
      'Pembayaran retribusi',
      'Pengujian emisi, rem, lampu, kincup roda dan dimensi kendaraan',
      'Kendaraan yang lulus menerima kartu uji BLUe dan tanda lulus uji',
    ),
    duration: 'Sekitar 60 menit per kendaraan',
    cost: 'Retribusi pengujian kendaraan bermotor sesuai Perda Pajak Daerah dan Retribusi Daerah',
    product: 'Kartu Uji BLUe (Bukti Lulus Uji elektronik) dan tanda lulus uji',
    complaintDesk: 'Loket pengaduan UPTD Pengujian Kendaraan Bermotor',
  },
  // ---- Kecamatan Gerunggang --------------------------------------------------------------------
  {
    unit: 'Kec. Gerunggang',
    name: 'Surat Keterangan Kecamatan',
    category: 'Administrasi umum',
    description: 'Surat keterangan domisili, keterangan usaha, keterangan tidak mampu dan keterangan ahli waris bagi warga Kecamatan Gerunggang.',
    channel: 'offline',
    requirements: lines('Surat pengantar RT/RW dan kelurahan', 'KTP-el dan KK pemohon', 'Dokumen pendukung sesuai jenis keterangan'),
    procedure: lines(
      'Pemohon menyerahkan berkas di loket PATEN kecamatan',
      'Petugas memverifikasi berkas',
      'Camat atau sekretaris camat menandatangani surat keterangan',
    ),
    duration: '1 hari kerja',
    cost: 'Tidak dipungut biaya',
    product: 'Surat keterangan yang ditandatangani camat',
    complaintDesk: 'Loket PATEN Kecamatan Gerunggang',
  },
  // ---- Bapenda ------------------------------------------------------------------------------------
  {
    unit: 'Bapenda',
    name: 'Pembayaran PBB-P2',
    category: 'Pajak daerah',
    description: 'Pembayaran Pajak Bumi dan Bangunan Perdesaan dan Perkotaan sesuai SPPT tahun berjalan dan tunggakan.',
    channel: 'keduanya',
    onlineUrl: 'https://epbb.pangkalpinangkota.go.id',
    isDigital: true,
    requirements: lines('Nomor Objek Pajak (NOP) yang tertera pada SPPT'),
    procedure: lines(
      'Cek tagihan di e-PBB dengan NOP',
      'Bayar melalui bank persepsi, QRIS, kantor pos, minimarket mitra, atau loket Bapenda',
      'Bukti bayar (STTS) tercatat otomatis di e-PBB',
    ),
    duration: 'Seketika',
    cost: 'Sesuai ketetapan SPPT; tanpa biaya tambahan di loket Bapenda (biaya administrasi kanal mitra sesuai ketentuan mitra)',
    product: 'Surat Tanda Terima Setoran (STTS) / bukti pembayaran elektronik',
    complaintDesk: 'Loket pelayanan Bapenda, WhatsApp layanan PBB',
  },
  {
    unit: 'Bapenda',
    name: 'Mutasi dan Pembetulan SPPT PBB-P2',
    category: 'Pajak daerah',
    description: 'Balik nama (mutasi), pemecahan atau penggabungan objek, dan pembetulan data SPPT PBB-P2.',
    channel: 'offline',
    requirements: lines(
      'Formulir SPOP/LSPOP yang telah diisi',
      'Fotokopi sertifikat tanah atau akta jual beli',
      'KTP-el wajib pajak',
      'SPPT tahun terakhir dan bukti lunas PBB-P2 lima tahun terakhir',
    ),
    procedure: lines('Penyerahan berkas di loket Bapenda', 'Penelitian berkas dan, bila perlu, peninjauan lapangan', 'Penerbitan SPPT baru'),
    duration: '10 hari kerja; pembetulan tanpa peninjauan lapangan 5 hari kerja',
    cost: 'Tidak dipungut biaya',
    product: 'SPPT PBB-P2 yang telah dimutasi atau dibetulkan',
    complaintDesk: 'Loket pelayanan Bapenda',
  },
  // ---- Diskominfo ---------------------------------------------------------------------------------
  {
    unit: 'Diskominfo',
    name: 'Permohonan Informasi Publik (PPID)',
    category: 'Informasi publik',
    description: 'Layanan permohonan informasi publik kepada Pejabat Pengelola Informasi dan Dokumentasi (PPID) Pemerintah Kota Pangkalpinang.',
    channel: 'keduanya',
    onlineUrl: 'https://ppid.pangkalpinangkota.go.id',
    isDigital: true,
    requirements: lines(
      'Identitas pemohon (KTP-el); bagi badan hukum: akta pendirian dan surat kuasa',
      'Formulir permohonan informasi yang menyebut rincian informasi dan tujuan penggunaannya',
    ),
    procedure: lines(
      'Pemohon mengisi formulir di laman PPID atau di meja layanan informasi',
      'PPID mencatat permohonan dan memberi nomor registrasi',
      'PPID menyampaikan informasi atau surat pemberitahuan tertulis',
    ),
    duration: 'Paling lama 10 hari kerja, dapat diperpanjang 7 hari kerja (UU 14/2008)',
    cost: 'Tidak dipungut biaya; biaya salinan atau pengiriman, bila ada, ditanggung pemohon',
    product: 'Informasi publik yang diminta, atau surat pemberitahuan penolakan beserta alasannya',
    complaintDesk: 'Keberatan kepada atasan PPID paling lambat 30 hari kerja sejak tanggapan diterima',
  },
];

interface DemoApplication {
  unit: string;
  name: string;
  description: string;
  kind: 'layanan_publik' | 'administrasi_pemerintahan';
  hosting: 'pusat_data_daerah' | 'pusat_data_nasional' | 'cloud' | 'lainnya';
  status: 'aktif' | 'pengembangan' | 'tidak_aktif';
  url: string | null;
  /** `unit/service name` of the services it serves. */
  serves: string[];
}

export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    unit: 'Disdukcapil',
    name: 'SIAK Terpusat',
    description:
      'Sistem Informasi Administrasi Kependudukan milik Ditjen Dukcapil Kemendagri; dioperasikan Disdukcapil untuk seluruh dokumen kependudukan.',
    kind: 'layanan_publik',
    hosting: 'pusat_data_nasional',
    status: 'aktif',
    url: null,
    serves: [
      'Disdukcapil/Penerbitan Akta Kelahiran',
      'Disdukcapil/Penerbitan KTP-el',
      'Disdukcapil/Penerbitan Kartu Keluarga',
      'Disdukcapil/Pelayanan Pindah Datang Penduduk',
    ],
  },
  {
    unit: 'DPMPTSP',
    name: 'OSS RBA',
    description: 'Online Single Submission berbasis risiko milik Kementerian Investasi/BKPM; dipakai DPMPTSP untuk verifikasi perizinan berusaha.',
    kind: 'layanan_publik',
    hosting: 'pusat_data_nasional',
    status: 'aktif',
    url: 'https://oss.go.id',
    serves: ['DPMPTSP/Pendampingan Perizinan Berusaha (NIB melalui OSS RBA)'],
  },
  {
    unit: 'DPMPTSP',
    name: 'SIMBG',
    description: 'Sistem Informasi Manajemen Bangunan Gedung Kementerian PUPR untuk PBG dan SLF.',
    kind: 'layanan_publik',
    hosting: 'pusat_data_nasional',
    status: 'aktif',
    url: 'https://simbg.pu.go.id',
    serves: ['DPMPTSP/Persetujuan Bangunan Gedung (PBG)'],
  },
  {
    unit: 'RSUD DH',
    name: 'SIMRS RSUD Depati Hamzah',
    description: 'Sistem informasi manajemen rumah sakit: pendaftaran, rekam medis elektronik, farmasi dan klaim JKN, terhubung ke SATUSEHAT.',
    kind: 'layanan_publik',
    hosting: 'pusat_data_daerah',
    status: 'aktif',
    url: 'https://rsud.pangkalpinangkota.go.id/pendaftaran-online',
    serves: ['RSUD DH/Poliklinik Rawat Jalan', 'RSUD DH/Instalasi Gawat Darurat (IGD)'],
  },
  {
    unit: 'Bapenda',
    name: 'e-PBB Pangkalpinang',
    description: 'Cek tagihan, pembayaran dan riwayat PBB-P2 secara daring, terhubung ke bank persepsi.',
    kind: 'layanan_publik',
    hosting: 'pusat_data_daerah',
    status: 'aktif',
    url: 'https://epbb.pangkalpinangkota.go.id',
    serves: ['Bapenda/Pembayaran PBB-P2', 'Bapenda/Mutasi dan Pembetulan SPPT PBB-P2'],
  },
  {
    unit: 'Dinsos',
    name: 'SIKS-NG',
    description: 'Sistem Informasi Kesejahteraan Sosial Next Generation Kementerian Sosial untuk usulan dan pemutakhiran data sosial ekonomi.',
    kind: 'layanan_publik',
    hosting: 'pusat_data_nasional',
    status: 'aktif',
    url: null,
    serves: [
      'Dinsos/Usulan dan Pemutakhiran Data Tunggal Sosial Ekonomi (DTSEN, dahulu DTKS)',
      'Dinsos/Rekomendasi Penerima Bantuan Iuran Jaminan Kesehatan (PBI-JK)',
    ],
  },
  {
    unit: 'BKPSDM',
    name: 'SIMPEG Kota Pangkalpinang',
    description: 'Sistem informasi kepegawaian: data ASN, kenaikan pangkat, cuti dan kinerja, terhubung ke SIASN BKN.',
    kind: 'administrasi_pemerintahan',
    hosting: 'pusat_data_daerah',
    status: 'aktif',
    url: null,
    serves: [],
  },
  {
    unit: 'Diskominfo',
    name: 'Website Pemerintah Kota Pangkalpinang',
    description: 'Portal resmi pemerintah kota: berita, profil perangkat daerah, PPID dan tautan ke layanan daring.',
    kind: 'layanan_publik',
    hosting: 'cloud',
    status: 'aktif',
    url: 'https://pangkalpinangkota.go.id',
    serves: ['Diskominfo/Permohonan Informasi Publik (PPID)', 'Disdukcapil/Penerbitan Akta Kelahiran', 'DPMPTSP/Izin Penyelenggaraan Reklame'],
  },
];

/** Inserts the demo catalogue once (nothing when the region already has services); returns how many services. */
export async function seedDemoServices(tx: Tx, unitIds: Map<string, string>): Promise<number> {
  const [already] = await tx.select({ id: services.id }).from(services).where(eq(services.regionCode, REGION)).limit(1);
  if (already) return 0;
  const unitOf = (shortName: string) => {
    const id = unitIds.get(`${REGION}/${shortName}`);
    if (!id) throw new Error(`demo unit ${shortName} is missing`);
    return id;
  };
  const serviceIds = new Map<string, string>();
  for (const s of DEMO_SERVICES) {
    const [row] = await tx
      .insert(services)
      .values({
        regionCode: REGION,
        unitId: unitOf(s.unit),
        name: s.name,
        category: s.category,
        description: s.description,
        channel: s.channel,
        onlineUrl: s.onlineUrl ?? null,
        isDigital: s.isDigital ?? false,
        requirements: s.requirements,
        procedure: s.procedure,
        duration: s.duration,
        cost: s.cost,
        product: s.product,
        complaintHandling: `${s.complaintDesk}; ${SHARED_COMPLAINT_CHANNELS}`,
      })
      .returning({ id: services.id });
    if (row) serviceIds.set(`${s.unit}/${s.name}`, row.id);
  }
  for (const a of DEMO_APPLICATIONS) {
    const [existing] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.regionCode, REGION), eq(applications.name, a.name)));
    if (existing) continue;
    const [row] = await tx
      .insert(applications)
      .values({
        regionCode: REGION,
        unitId: unitOf(a.unit),
        name: a.name,
        description: a.description,
        kind: a.kind,
        hosting: a.hosting,
        status: a.status,
        url: a.url,
      })
      .returning({ id: applications.id });
    if (!row) continue;
    const links = a.serves.map((key) => {
      const serviceId = serviceIds.get(key);
      if (!serviceId) throw new Error(`demo application ${a.name} serves unknown service ${key}`);
      return { applicationId: row.id, serviceId };
    });
    if (links.length > 0) await tx.insert(applicationServices).values(links);
  }
  return serviceIds.size;
}
