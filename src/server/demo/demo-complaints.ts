/**
 * Demo: Kota Pangkalpinang's complaint categories (each routed to the unit that handles it, with its
 * SLA), about sixty complaints of 2026 in every state with their histories (some overdue, some closed
 * as duplicates of an earlier report, some handed from Dinkes to the hospital), and the Open311 client
 * "Aplikasi Mitra Demo" whose key is `demo-open311-key` (README). Closed complaints keep fixed dates
 * through the year; open ones are dated back from the day the demo is loaded, so the inbox always
 * shows a mix of complaints within and past their SLA.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ComplaintStatus } from '#domain/services/complaint-workflow.ts';
import type { Tx } from '#server/db/client.ts';
import { complaintCategories, complaintEvents, complaints, open311Clients, services, units, users } from '#server/db/schema.ts';
import type { BlobStorage } from '#server/lib/storage.ts';

const REGION = '19.71';
export const DEMO_OPEN311_KEY = 'demo-open311-key';
const DAY = 86_400_000;
const HOUR = 3_600_000;

interface DemoCategory {
  code: string;
  name: string;
  description: string;
  group: string;
  unit: string;
  slaDays: number;
}

const CATEGORIES: DemoCategory[] = [
  {
    code: 'jalan-rusak',
    name: 'Jalan rusak atau berlubang',
    description: 'Jalan kota yang berlubang, amblas, retak atau tergenang; saluran drainase di tepi jalan.',
    group: 'Infrastruktur',
    unit: 'DPUPR',
    slaDays: 14,
  },
  {
    code: 'sampah',
    name: 'Sampah tidak terangkut',
    description: 'Sampah menumpuk di TPS, jadwal angkut terlewat, pembuangan sampah liar.',
    group: 'Lingkungan',
    unit: 'UPTD Sampah',
    slaDays: 3,
  },
  {
    code: 'lampu-jalan',
    name: 'Lampu penerangan jalan mati',
    description: 'Lampu penerangan jalan umum (PJU) atau lampu lalu lintas yang padam atau rusak.',
    group: 'Infrastruktur',
    unit: 'Dishub',
    slaDays: 7,
  },
  {
    code: 'adminduk',
    name: 'Layanan administrasi kependudukan',
    description: 'KTP-el, Kartu Keluarga, akta kelahiran dan kematian, pindah datang: antrean, blangko, kesalahan data.',
    group: 'Pelayanan publik',
    unit: 'Disdukcapil',
    slaDays: 5,
  },
  {
    code: 'pelayanan-kesehatan',
    name: 'Pelayanan kesehatan',
    description: 'Pelayanan di puskesmas dan rumah sakit daerah: antrean, sikap petugas, obat, rujukan.',
    group: 'Pelayanan publik',
    unit: 'Dinkes',
    slaDays: 5,
  },
  {
    code: 'perizinan',
    name: 'Perizinan dan PBG',
    description: 'Perizinan berusaha, Persetujuan Bangunan Gedung, reklame: lamanya proses dan persyaratan.',
    group: 'Pelayanan publik',
    unit: 'DPMPTSP',
    slaDays: 5,
  },
  {
    code: 'ketertiban',
    name: 'Ketertiban umum',
    description: 'Pedagang di trotoar, parkir liar, bangunan liar, kebisingan dan gangguan ketertiban lainnya.',
    group: 'Ketertiban',
    unit: 'Satpol PP',
    slaDays: 3,
  },
  {
    code: 'bansos',
    name: 'Bantuan sosial',
    description: 'Data DTSEN, bantuan yang tidak diterima atau salah sasaran, PBI Jaminan Kesehatan.',
    group: 'Sosial',
    unit: 'Dinsos',
    slaDays: 10,
  },
  {
    code: 'informasi-publik',
    name: 'Informasi publik dan layanan daring',
    description: 'Permohonan informasi (PPID) yang belum dijawab, situs atau aplikasi pemerintah kota yang tidak dapat diakses.',
    group: 'Pelayanan publik',
    unit: 'Diskominfo',
    slaDays: 10,
  },
];

/**
 * One demo complaint. `filed` is a fixed date (YYYY-MM-DD) for closed ones or days before the load
 * for open ones; `took` the days it took to close; `dupOf` the index of the original; `to` a unit
 * it was handed to; `via` an Open311 report.
 */
interface DemoComplaint {
  cat: string;
  text: string;
  at: string;
  status: ComplaintStatus;
  filed: string | number;
  took?: number;
  note?: string;
  service?: string;
  contact?: [name: string, phone: string | null, email: string | null];
  latLong?: [number, number];
  dupOf?: number;
  to?: string;
  via?: 'open311';
}

const C: DemoComplaint[] = [
  // ---- Jalan rusak (DPUPR) ----
  {
    cat: 'jalan-rusak',
    text: 'Jalan berlubang cukup dalam di depan SD Negeri 12, saat hujan tergenang dan tidak terlihat. Sudah ada pengendara motor yang jatuh.',
    at: 'Jl. Soekarno-Hatta, Kel. Bukit Merapin, Kec. Gerunggang',
    status: 'selesai',
    filed: '2026-01-08',
    took: 9,
    note: 'Lubang sudah ditambal dengan aspal hotmix oleh tim pemeliharaan jalan pada 16 Januari.',
    contact: ['Rudi Hartono', '0812-7100-2201', null],
    latLong: [-2.1412, 106.1093],
  },
  {
    cat: 'jalan-rusak',
    text: 'Jalan di depan SD 12 berlubang, bahaya untuk anak sekolah yang menyeberang.',
    at: 'Jl. Soekarno-Hatta, Kel. Bukit Merapin',
    status: 'duplikat',
    filed: '2026-01-09',
    took: 1,
    note: 'Lokasi yang sama sudah dilaporkan dan sedang ditangani; pantau perkembangan pada pengaduan asal.',
    dupOf: 0,
  },
  {
    cat: 'jalan-rusak',
    text: 'Aspal amblas sepanjang kurang lebih 5 meter di tikungan dekat Masjid Al-Ikhlas, kendaraan harus melambat mendadak.',
    at: 'Jl. Depati Amir, Kel. Semabung Lama, Kec. Bukit Intan',
    status: 'selesai',
    filed: '2026-02-12',
    took: 21,
    note: 'Perbaikan lapisan jalan selesai setelah menunggu cuaca kering. Terima kasih atas laporannya.',
    latLong: [-2.1205, 106.1187],
  },
  {
    cat: 'jalan-rusak',
    text: 'Drainase di sisi jalan tersumbat sehingga air meluap ke badan jalan setiap hujan deras.',
    at: 'Jl. Mentok, Kel. Bukit Besar, Kec. Girimaya',
    status: 'selesai',
    filed: '2026-04-03',
    took: 12,
    note: 'Saluran sudah dinormalisasi dan sedimen diangkut.',
    contact: ['Yuliana', null, 'yuliana.demo@example.id'],
  },
  {
    cat: 'jalan-rusak',
    text: 'Jalan lingkungan di Gang Kenanga rusak berat sejak pemasangan pipa, belum dikembalikan seperti semula.',
    at: 'Gg. Kenanga, Kel. Tua Tunu Indah, Kec. Gerunggang',
    status: 'ditolak',
    filed: '2026-05-19',
    took: 4,
    note: 'Jalan ini dibongkar oleh pelaksana pekerjaan pipa PDAM; pengaduan sudah kami teruskan ke PDAM Tirta Pinang yang wajib memulihkannya.',
  },
  {
    cat: 'jalan-rusak',
    text: 'Jembatan kecil di atas parit retak di bagian sambungan, truk masih melintas setiap pagi.',
    at: 'Jl. Kampung Melayu, Kel. Ketapang, Kec. Pangkalbalam',
    status: 'ditindaklanjuti',
    filed: 20,
    note: 'Tim teknis sudah meninjau; perbaikan sambungan dijadwalkan bersama pemasangan rambu batas muatan.',
    latLong: [-2.0986, 106.1362],
    via: 'open311',
  },
  {
    cat: 'jalan-rusak',
    text: 'Lubang jalan di depan Pasar Pagi makin besar, banyak pengendara menghindar ke jalur berlawanan.',
    at: 'Jl. Masjid Jamik, Kel. Batin Tikal, Kec. Taman Sari',
    status: 'diverifikasi',
    filed: 9,
    latLong: [-2.1296, 106.1153],
  },
  {
    cat: 'jalan-rusak',
    text: 'Trotoar pecah dan paving terlepas di depan kantor pos, membahayakan pejalan kaki lansia.',
    at: 'Jl. Jenderal Sudirman, Kel. Gedung Nasional, Kec. Taman Sari',
    status: 'diterima',
    filed: 2,
    contact: ['Hendra Gunawan', '0813-6611-0902', null],
  },
  // ---- Sampah (UPTD Sampah) ----
  {
    cat: 'sampah',
    text: 'Sampah di TPS dekat Pasar Pembangunan tidak diangkut selama tiga hari, bau menyengat sampai ke rumah warga.',
    at: 'Jl. Pasar Pembangunan, Kel. Pasir Putih, Kec. Bukit Intan',
    status: 'selesai',
    filed: '2026-01-14',
    took: 1,
    note: 'Sampah sudah diangkut; jadwal armada ditambah menjadi dua kali sehari untuk TPS ini.',
    latLong: [-2.1337, 106.1258],
  },
  {
    cat: 'sampah',
    text: 'Ada pembuangan sampah liar di lahan kosong samping jalan, sering dibakar malam hari dan asapnya masuk rumah.',
    at: 'Jl. Air Itam, Kel. Air Itam, Kec. Bukit Intan',
    status: 'selesai',
    filed: '2026-02-20',
    took: 3,
    note: 'Sampah dibersihkan dan dipasang papan larangan; patroli bersama kelurahan dijadwalkan.',
    contact: ['Fitriani', '0819-2733-4401', null],
  },
  {
    cat: 'sampah',
    text: 'Truk sampah tidak lewat lagi di perumahan kami sejak awal bulan.',
    at: 'Perumahan Griya Asri, Kel. Bacang, Kec. Bukit Intan',
    status: 'selesai',
    filed: '2026-03-25',
    took: 2,
    note: 'Rute armada sudah dikembalikan; jadwal angkut Senin, Rabu dan Jumat pagi.',
  },
  {
    cat: 'sampah',
    text: 'TPS Pasar Pembangunan penuh lagi, sampah meluber ke jalan.',
    at: 'Jl. Pasar Pembangunan, Kel. Pasir Putih',
    status: 'duplikat',
    filed: '2026-01-15',
    took: 1,
    note: 'Sama dengan laporan sebelumnya di lokasi ini; penanganan dicatat pada pengaduan asal.',
    dupOf: 8,
  },
  {
    cat: 'sampah',
    text: 'Kontainer sampah di depan sekolah rusak rodanya sehingga tidak bisa diangkut truk.',
    at: 'Jl. Solihin GP, Kel. Opas Indah, Kec. Taman Sari',
    status: 'selesai',
    filed: '2026-06-10',
    took: 4,
    note: 'Kontainer diganti dengan yang baru.',
  },
  {
    cat: 'sampah',
    text: 'Sampah kiriman menumpuk di muara sungai setelah hujan deras, menyumbat aliran air.',
    at: 'Jl. Sungai Selan, Kel. Selindung Baru, Kec. Gabek',
    status: 'ditindaklanjuti',
    filed: 2,
    note: 'Pembersihan dengan perahu dijadwalkan bersama relawan dan DLH pada akhir pekan.',
    latLong: [-2.1055, 106.0987],
  },
  {
    cat: 'sampah',
    text: 'Bank sampah RT kami tidak dijemput lagi oleh petugas, sudah dua minggu.',
    at: 'Kel. Semabung Baru, Kec. Bukit Intan',
    status: 'diverifikasi',
    filed: 5,
    contact: ['Ketua RT 03', '0812-7788-1003', null],
  },
  {
    cat: 'sampah',
    text: 'Sampah di taman kota berserakan setelah acara akhir pekan dan belum dibersihkan.',
    at: 'Taman Merdeka, Kel. Batin Tikal, Kec. Taman Sari',
    status: 'diterima',
    filed: 1,
    via: 'open311',
  },
  // ---- Lampu jalan (Dishub) ----
  {
    cat: 'lampu-jalan',
    text: 'Sepanjang 200 meter lampu jalan mati, jalan gelap dan rawan begal pada malam hari.',
    at: 'Jl. Koba, Kel. Tua Tunu Indah, Kec. Gerunggang',
    status: 'selesai',
    filed: '2026-01-22',
    took: 5,
    note: 'Kabel yang putus sudah diganti dan 6 titik lampu menyala kembali.',
    latLong: [-2.1541, 106.1201],
  },
  {
    cat: 'lampu-jalan',
    text: 'Lampu lalu lintas di simpang empat berkedip kuning terus sejak pagi, kendaraan saling serobot.',
    at: 'Simpang Jl. Ahmad Yani – Jl. Diponegoro, Kel. Gedung Nasional',
    status: 'selesai',
    filed: '2026-03-04',
    took: 1,
    note: 'Pengendali lampu lalu lintas sudah diperbaiki pada hari yang sama.',
  },
  {
    cat: 'lampu-jalan',
    text: 'Tiang lampu jalan miring setelah tertabrak mobil, khawatir roboh menimpa rumah.',
    at: 'Jl. Hormen Maddati, Kel. Kejaksaan, Kec. Taman Sari',
    status: 'selesai',
    filed: '2026-07-15',
    took: 6,
    note: 'Tiang sudah diganti; biaya perbaikan ditagihkan kepada penabrak sesuai berita acara kepolisian.',
  },
  {
    cat: 'lampu-jalan',
    text: 'Lampu jalan di depan rumah menyala siang hari dan mati malam hari.',
    at: 'Jl. Bukit Baru, Kel. Bukit Sari, Kec. Gerunggang',
    status: 'ditolak',
    filed: '2026-08-02',
    took: 3,
    note: 'Lampu tersebut adalah lampu milik perumahan (bukan PJU kota); pengelola perumahan sudah kami hubungi.',
  },
  {
    cat: 'lampu-jalan',
    text: 'Lampu PJU di jalan menuju pantai padam semua, jalan licin dan gelap.',
    at: 'Jl. Pasir Padi, Kel. Temberan, Kec. Bukit Intan',
    status: 'ditindaklanjuti',
    filed: 11,
    note: 'Pengadaan panel kontrol pengganti sedang berjalan; target menyala kembali minggu depan.',
    latLong: [-2.1126, 106.1635],
  },
  {
    cat: 'lampu-jalan',
    text: 'Lampu jalan di gang depan musala mati, jamaah subuh kesulitan.',
    at: 'Gg. Mawar, Kel. Parit Lalang, Kec. Rangkui',
    status: 'diterima',
    filed: 5,
  },
  {
    cat: 'lampu-jalan',
    text: 'Lampu penyeberangan di depan sekolah tidak berfungsi.',
    at: 'Jl. Jenderal Sudirman, Kel. Gedung Nasional',
    status: 'diverifikasi',
    filed: 3,
    via: 'open311',
  },
  // ---- Adminduk (Disdukcapil) ----
  {
    cat: 'adminduk',
    text: 'Sudah tiga minggu KTP-el belum dicetak dengan alasan blangko habis. Saya perlu untuk melamar kerja.',
    at: 'Kel. Gabek Satu, Kec. Gabek',
    status: 'selesai',
    filed: '2026-01-27',
    took: 4,
    note: 'Blangko sudah tersedia; KTP-el pelapor sudah dicetak dan dapat diambil di loket Disdukcapil.',
    service: 'Penerbitan KTP-el',
    contact: ['Dewi Lestari', '0821-7312-4455', 'dewi.demo@example.id'],
  },
  {
    cat: 'adminduk',
    text: 'Nama ibu di akta kelahiran anak saya salah ketik, minta prosedur pembetulan yang jelas.',
    at: 'Kel. Rejosari, Kec. Taman Sari',
    status: 'selesai',
    filed: '2026-02-16',
    took: 3,
    note: 'Pembetulan akta dilakukan tanpa biaya; akta baru dikirim ke surel pelapor.',
    service: 'Penerbitan Akta Kelahiran',
    contact: ['Ahmad Fauzi', '0812-9900-1122', null],
  },
  {
    cat: 'adminduk',
    text: 'Antrean di Mal Pelayanan Publik sangat panjang, nomor antrean habis jam 9 pagi.',
    at: 'Mal Pelayanan Publik, Jl. Merdeka, Kel. Batin Tikal',
    status: 'selesai',
    filed: '2026-04-21',
    took: 7,
    note: 'Kuota antrean daring ditambah dan loket sore dibuka setiap Selasa dan Kamis.',
  },
  {
    cat: 'adminduk',
    text: 'KK baru setelah pindah datang tidak bisa dicetak karena data masih tercatat di daerah asal.',
    at: 'Kel. Bukit Intan, Kec. Bukit Intan',
    status: 'selesai',
    filed: '2026-09-08',
    took: 5,
    note: 'Data kepindahan sudah dimutakhirkan di SIAK; KK baru sudah terbit.',
    service: 'Pelayanan Pindah Datang Penduduk',
  },
  {
    cat: 'adminduk',
    text: 'Pembuatan akta kematian nenek kami ditolak karena surat keterangan kematian dari RS hilang.',
    at: 'Kel. Asam, Kec. Rangkui',
    status: 'ditindaklanjuti',
    filed: 4,
    note: 'Dapat diganti dengan SPTJM kebenaran data kematian; petugas akan menghubungi keluarga.',
  },
  {
    cat: 'adminduk',
    text: 'Layanan akta kelahiran daring tidak bisa mengunggah berkas, selalu gagal di langkah terakhir.',
    at: 'Kel. Kacang Pedang, Kec. Gerunggang',
    status: 'diverifikasi',
    filed: 3,
    service: 'Penerbitan Akta Kelahiran',
    contact: ['Rina Marlina', null, 'rina.demo@example.id'],
  },
  {
    cat: 'adminduk',
    text: 'Petugas loket meminta fotokopi berkas padahal sudah ada layanan tanpa fotokopi.',
    at: 'Kantor Disdukcapil, Kel. Bukit Intan',
    status: 'diterima',
    filed: 7,
    service: 'Penerbitan Kartu Keluarga',
  },
  {
    cat: 'adminduk',
    text: 'KTP-el saya rusak (chip tidak terbaca), kapan bisa diganti?',
    at: 'Kel. Pasir Garam, Kec. Rangkui',
    status: 'ditolak',
    filed: '2026-10-05',
    took: 2,
    note: 'Ini permintaan layanan, bukan pengaduan: penggantian KTP-el rusak dapat langsung diajukan di loket dengan membawa KTP-el lama.',
    service: 'Penerbitan KTP-el',
  },
  // ---- Pelayanan kesehatan (Dinkes, sebagian ke RSUD) ----
  {
    cat: 'pelayanan-kesehatan',
    text: 'Antrean poliklinik penyakit dalam di RSUD sangat lama, datang jam 7 baru dipanggil jam 1 siang.',
    at: 'RSUD Depati Hamzah, Jl. Soekarno-Hatta, Kel. Bukit Besar',
    status: 'selesai',
    filed: '2026-02-03',
    took: 10,
    note: 'RSUD menambah dokter jaga poliklinik penyakit dalam dan menerapkan antrean daring per jam.',
    service: 'Poliklinik Rawat Jalan',
    to: 'RSUD DH',
    contact: ['Suryadi', '0812-7345-6677', null],
  },
  {
    cat: 'pelayanan-kesehatan',
    text: 'Obat untuk pasien BPJS di apotek puskesmas sering kosong dan pasien disuruh membeli di luar.',
    at: 'Puskesmas Gerunggang, Kel. Bukit Merapin',
    status: 'selesai',
    filed: '2026-03-16',
    took: 6,
    note: 'Stok obat sudah dipenuhi dari gudang farmasi kota; puskesmas diminta melapor bila stok menipis.',
  },
  {
    cat: 'pelayanan-kesehatan',
    text: 'Petugas IGD bersikap kurang ramah kepada keluarga pasien dan tidak menjelaskan kondisi pasien.',
    at: 'RSUD Depati Hamzah',
    status: 'selesai',
    filed: '2026-05-06',
    took: 8,
    note: 'Sudah dilakukan pembinaan petugas dan pelatihan komunikasi efektif untuk tim IGD.',
    service: 'Instalasi Gawat Darurat (IGD)',
    to: 'RSUD DH',
  },
  {
    cat: 'pelayanan-kesehatan',
    text: 'Jadwal imunisasi di posyandu tidak diumumkan, kami datang tetapi petugas tidak ada.',
    at: 'Posyandu Melati, Kel. Taman Bunga, Kec. Gerunggang',
    status: 'selesai',
    filed: '2026-07-28',
    took: 4,
    note: 'Jadwal posyandu kini diumumkan di grup WhatsApp kelurahan dan papan pengumuman puskesmas.',
  },
  {
    cat: 'pelayanan-kesehatan',
    text: 'Toilet ruang tunggu poliklinik RSUD rusak dan kotor.',
    at: 'RSUD Depati Hamzah',
    status: 'ditindaklanjuti',
    filed: 4,
    note: 'Perbaikan toilet sedang dikerjakan; toilet sementara disediakan di lantai dasar.',
    service: 'Poliklinik Rawat Jalan',
    to: 'RSUD DH',
  },
  {
    cat: 'pelayanan-kesehatan',
    text: 'Pendaftaran rawat jalan daring RSUD tidak bisa memilih dokter.',
    at: 'RSUD Depati Hamzah',
    status: 'diverifikasi',
    filed: 13,
    to: 'RSUD DH',
    via: 'open311',
  },
  {
    cat: 'pelayanan-kesehatan',
    text: 'Ambulans puskesmas lama datang saat ada warga pingsan di pasar.',
    at: 'Pasar Pagi, Kel. Batin Tikal',
    status: 'diterima',
    filed: 2,
    contact: ['Maria Ulfa', '0852-6677-8890', null],
  },
  {
    cat: 'pelayanan-kesehatan',
    text: 'Antrean poliklinik RSUD masih lama seperti bulan lalu.',
    at: 'RSUD Depati Hamzah',
    status: 'duplikat',
    filed: '2026-02-05',
    took: 1,
    note: 'Sama dengan pengaduan tentang antrean poliklinik yang sedang ditangani RSUD.',
    dupOf: 31,
  },
  // ---- Perizinan (DPMPTSP) ----
  {
    cat: 'perizinan',
    text: 'Permohonan PBG rumah tinggal sudah lebih dari 30 hari belum ada kabar, status di SIMBG tidak berubah.',
    at: 'Kel. Air Salemba, Kec. Gabek',
    status: 'selesai',
    filed: '2026-03-10',
    took: 8,
    note: 'Berkas sudah diperiksa tim profesi ahli; PBG terbit dan dapat diunduh di SIMBG.',
    service: 'Persetujuan Bangunan Gedung (PBG)',
    contact: ['CV Bangun Jaya', '0717-42-1100', 'bangunjaya.demo@example.id'],
  },
  {
    cat: 'perizinan',
    text: 'Petugas meminta persyaratan tambahan yang tidak ada di standar pelayanan untuk izin reklame.',
    at: 'Mal Pelayanan Publik, Kel. Batin Tikal',
    status: 'selesai',
    filed: '2026-06-22',
    took: 5,
    note: 'Persyaratan tambahan tidak berlaku dan sudah dicabut; petugas diberi pembinaan.',
    service: 'Izin Penyelenggaraan Reklame',
  },
  {
    cat: 'perizinan',
    text: 'Tidak ada pendamping OSS di MPP saat jam istirahat, pelaku UMKM harus menunggu lama.',
    at: 'Mal Pelayanan Publik',
    status: 'selesai',
    filed: '2026-08-18',
    took: 3,
    note: 'Jadwal pendamping dibuat bergiliran sehingga layanan tetap buka pada jam istirahat.',
    service: 'Pendampingan Perizinan Berusaha (NIB melalui OSS RBA)',
  },
  {
    cat: 'perizinan',
    text: 'Retribusi PBG yang ditagihkan berbeda dengan hitungan di aplikasi.',
    at: 'Kel. Bukit Lama, Kec. Rangkui',
    status: 'ditindaklanjuti',
    filed: 10,
    note: 'Perhitungan sedang ditinjau ulang bersama DPUPR; tagihan ditangguhkan sampai peninjauan selesai.',
    service: 'Persetujuan Bangunan Gedung (PBG)',
  },
  {
    cat: 'perizinan',
    text: 'NIB sudah terbit tetapi sertifikat standar belum diverifikasi sejak dua bulan.',
    at: 'Kel. Ampui, Kec. Pangkalbalam',
    status: 'diverifikasi',
    filed: 2,
    service: 'Pendampingan Perizinan Berusaha (NIB melalui OSS RBA)',
  },
  // ---- Ketertiban (Satpol PP) ----
  {
    cat: 'ketertiban',
    text: 'Pedagang kaki lima berjualan di trotoar sehingga pejalan kaki harus turun ke jalan.',
    at: 'Jl. Jenderal Sudirman, depan Ramayana, Kel. Gedung Nasional',
    status: 'selesai',
    filed: '2026-01-30',
    took: 2,
    note: 'Pedagang sudah ditata dan dipindahkan ke lokasi binaan di Pasar Pembangunan.',
    latLong: [-2.1289, 106.1166],
  },
  {
    cat: 'ketertiban',
    text: 'Parkir liar di bahu jalan depan sekolah menyebabkan macet setiap jam pulang sekolah.',
    at: 'Jl. Ahmad Yani, Kel. Gedung Nasional',
    status: 'selesai',
    filed: '2026-04-14',
    took: 3,
    note: 'Penjagaan rutin jam pulang sekolah bersama Dishub; juru parkir liar sudah ditertibkan.',
  },
  {
    cat: 'ketertiban',
    text: 'Bangunan semi permanen berdiri di atas saluran air dekat pasar.',
    at: 'Jl. Pasar Padi, Kel. Pasar Padi, Kec. Girimaya',
    status: 'selesai',
    filed: '2026-09-21',
    took: 14,
    note: 'Pemilik sudah diberi surat peringatan ketiga dan membongkar sendiri bangunannya.',
  },
  {
    cat: 'ketertiban',
    text: 'Suara musik keras dari kafe sampai lewat tengah malam setiap akhir pekan.',
    at: 'Jl. Diponegoro, Kel. Melintang, Kec. Rangkui',
    status: 'ditindaklanjuti',
    filed: 2,
    note: 'Pemilik kafe sudah dipanggil; pemantauan dilakukan pada akhir pekan ini.',
  },
  {
    cat: 'ketertiban',
    text: 'Ada reklame liar yang dipaku di pohon sepanjang jalan.',
    at: 'Jl. Mentok, Kel. Bukit Besar',
    status: 'diterima',
    filed: 1,
    via: 'open311',
  },
  {
    cat: 'ketertiban',
    text: 'Anak-anak bermain layangan di dekat jaringan listrik, berbahaya.',
    at: 'Kel. Lontong Pancur, Kec. Pangkalbalam',
    status: 'ditolak',
    filed: '2026-07-03',
    took: 1,
    note: 'Sudah kami sampaikan ke kelurahan untuk sosialisasi kepada orang tua; tidak ada pelanggaran perda yang dapat ditindak.',
  },
  // ---- Bansos (Dinsos) ----
  {
    cat: 'bansos',
    text: 'Keluarga kami miskin tetapi tidak terdaftar sebagai penerima bantuan, padahal tetangga yang mampu menerima.',
    at: 'Kel. Keramat, Kec. Rangkui',
    status: 'selesai',
    filed: '2026-02-24',
    took: 15,
    note: 'Keluarga pelapor sudah diusulkan masuk DTSEN melalui musyawarah kelurahan; hasil verifikasi lapangan layak.',
    service: 'Usulan dan Pemutakhiran Data Tunggal Sosial Ekonomi (DTSEN, dahulu DTKS)',
    contact: ['Sri Wahyuni', '0823-7788-0011', null],
  },
  {
    cat: 'bansos',
    text: 'Kartu PBI Jaminan Kesehatan ibu saya tiba-tiba nonaktif saat berobat.',
    at: 'Kel. Bukit Sari, Kec. Gerunggang',
    status: 'selesai',
    filed: '2026-05-12',
    took: 6,
    note: 'Kepesertaan PBI sudah diaktifkan kembali melalui rekomendasi Dinas Sosial.',
    service: 'Rekomendasi Penerima Bantuan Iuran Jaminan Kesehatan (PBI-JK)',
  },
  {
    cat: 'bansos',
    text: 'Penyaluran bantuan pangan di kelurahan tidak tepat waktu dan tidak ada pemberitahuan.',
    at: 'Kantor Kelurahan Selindung, Kec. Gabek',
    status: 'selesai',
    filed: '2026-10-20',
    took: 9,
    note: 'Jadwal penyaluran kini diumumkan seminggu sebelumnya di kelurahan dan media sosial Dinsos.',
  },
  {
    cat: 'bansos',
    text: 'Lansia sebatang kara di RT kami butuh bantuan permakanan, mohon ditinjau.',
    at: 'Kel. Pintu Air, Kec. Rangkui',
    status: 'ditindaklanjuti',
    filed: 8,
    note: 'Pendamping sosial sudah berkunjung; usulan bantuan permakanan sedang diproses.',
  },
  {
    cat: 'bansos',
    text: 'Usulan DTSEN kami sejak tiga bulan belum ada hasilnya.',
    at: 'Kel. Ampui, Kec. Pangkalbalam',
    status: 'diverifikasi',
    filed: 12,
    service: 'Usulan dan Pemutakhiran Data Tunggal Sosial Ekonomi (DTSEN, dahulu DTKS)',
  },
  {
    cat: 'bansos',
    text: 'Nama saya terdaftar penerima PKH tetapi bantuan tidak pernah masuk rekening.',
    at: 'Kel. Masjid Jamik, Kec. Rangkui',
    status: 'diterima',
    filed: 3,
    contact: ['Nurhayati', '0831-2200-5566', null],
  },
  // ---- Informasi publik (Diskominfo) ----
  {
    cat: 'informasi-publik',
    text: 'Permohonan informasi anggaran kelurahan ke PPID sudah 14 hari kerja belum dijawab.',
    at: 'Kel. Opas Indah, Kec. Taman Sari',
    status: 'selesai',
    filed: '2026-03-30',
    took: 6,
    note: 'Informasi sudah diberikan melalui surel; PPID pembantu kelurahan diingatkan batas waktu 10 hari kerja.',
    service: 'Permohonan Informasi Publik (PPID)',
    contact: ['Forum Warga Opas', null, 'forumopas.demo@example.id'],
  },
  {
    cat: 'informasi-publik',
    text: 'Situs resmi pemerintah kota tidak dapat dibuka sejak kemarin.',
    at: 'Daring',
    status: 'selesai',
    filed: '2026-06-02',
    took: 1,
    note: 'Gangguan sertifikat keamanan situs sudah diperbaiki.',
  },
  {
    cat: 'informasi-publik',
    text: 'Situs pemkot tidak bisa diakses dari ponsel.',
    at: 'Daring',
    status: 'duplikat',
    filed: '2026-06-02',
    took: 1,
    note: 'Gangguan yang sama sudah dilaporkan dan sedang diperbaiki.',
    dupOf: 57,
  },
  {
    cat: 'informasi-publik',
    text: 'Data jadwal layanan di portal tidak sesuai dengan jam buka loket sebenarnya.',
    at: 'Daring',
    status: 'ditindaklanjuti',
    filed: 6,
    note: 'Setiap perangkat daerah diminta memutakhirkan jadwal layanannya di portal paling lambat akhir bulan.',
  },
  {
    cat: 'informasi-publik',
    text: 'Formulir permohonan informasi PPID daring tidak mengirim tanda terima ke surel.',
    at: 'Daring',
    status: 'diterima',
    filed: 14,
    service: 'Permohonan Informasi Publik (PPID)',
  },
  {
    cat: 'jalan-rusak',
    text: 'Penutup gorong-gorong hilang di tepi jalan, sangat berbahaya bagi pengendara malam hari.',
    at: 'Jl. Selindung, Kel. Selindung, Kec. Gabek',
    status: 'diterima',
    filed: 17,
    latLong: [-2.0984, 106.0912],
  },
];

/** A stable code per demo complaint, so the README and tests can name one. */
function demoTrackingCode(index: number): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = createHash('sha256').update(`sinergi-demo-complaint-${index}`).digest();
  let code = '';
  for (let i = 0; i < 6; i++) code += alphabet[(bytes[i] ?? 0) & 31];
  return `ADU-${code}`;
}

/** Steps a complaint went through to reach its state, in order. */
const PATH: Record<ComplaintStatus, ComplaintStatus[]> = {
  diterima: [],
  diverifikasi: ['diverifikasi'],
  ditindaklanjuti: ['diverifikasi', 'ditindaklanjuti'],
  selesai: ['diverifikasi', 'ditindaklanjuti', 'selesai'],
  ditolak: ['ditolak'],
  duplikat: ['duplikat'],
};

export async function seedDemoComplaints(tx: Tx, _storage: BlobStorage | undefined, now = new Date()): Promise<number> {
  const [already] = await tx
    .select({ id: complaintCategories.id })
    .from(complaintCategories)
    .where(eq(complaintCategories.regionCode, REGION))
    .limit(1);
  if (already) return 0;
  const unitRows = await tx.select({ id: units.id, shortName: units.shortName, name: units.name }).from(units).where(eq(units.regionCode, REGION));
  const unitByShort = new Map(unitRows.map((u) => [u.shortName, u]));
  const unit = (shortName: string) => {
    const found = unitByShort.get(shortName);
    if (!found) throw new Error(`demo unit ${shortName} is missing`);
    return found;
  };
  const serviceRows = await tx.select({ id: services.id, name: services.name }).from(services).where(eq(services.regionCode, REGION));
  const serviceByName = new Map(serviceRows.map((s) => [s.name, s.id]));
  const [staff] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.username, 'admin.demo')));
  const actorId = staff?.id ?? null;

  const categoryByCode = new Map<string, { id: string; unitId: string; unitName: string; slaDays: number }>();
  for (const c of CATEGORIES) {
    const u = unit(c.unit);
    const [row] = await tx
      .insert(complaintCategories)
      .values({ regionCode: REGION, code: c.code, name: c.name, description: c.description, groupName: c.group, unitId: u.id, slaDays: c.slaDays })
      .returning({ id: complaintCategories.id });
    if (!row) throw new Error(`demo category ${c.code} not created`);
    categoryByCode.set(c.code, { id: row.id, unitId: u.id, unitName: u.name, slaDays: c.slaDays });
  }

  const [client] = await tx
    .insert(open311Clients)
    .values({
      regionCode: REGION,
      name: 'Aplikasi Mitra Demo',
      keyHash: createHash('sha256').update(DEMO_OPEN311_KEY).digest('hex'),
      keyPrefix: DEMO_OPEN311_KEY.slice(0, 9),
      createdBy: actorId,
      createdAt: new Date(Date.UTC(2026, 0, 2, 2)),
    })
    .returning({ id: open311Clients.id });

  const ids: string[] = [];
  for (const [index, c] of C.entries()) {
    const category = categoryByCode.get(c.cat);
    if (!category) throw new Error(`demo complaint ${index} names unknown category ${c.cat}`);
    // Filed during office hours (WIB), spread over the day by the index.
    const filedAt =
      typeof c.filed === 'string'
        ? new Date(Date.parse(`${c.filed}T01:00:00Z`) + (index % 7) * HOUR)
        : new Date(now.getTime() - c.filed * DAY - (index % 5) * HOUR);
    const closedAt = c.took === undefined ? null : new Date(filedAt.getTime() + c.took * DAY + 3 * HOUR);
    const handler = c.to ? unit(c.to) : { id: category.unitId, name: category.unitName };
    const steps = PATH[c.status];
    // The steps before the last are spread over the time it took (or up to now for open ones).
    const span = (closedAt ?? now).getTime() - filedAt.getTime();
    const stepAt = (i: number) => new Date(filedAt.getTime() + Math.round((span * (i + 1)) / (steps.length + 1)));
    const lastAt = closedAt ?? (steps.length > 0 ? stepAt(steps.length - 1) : filedAt);
    const duplicateOfId = c.dupOf === undefined ? null : (ids[c.dupOf] ?? null);
    if (c.dupOf !== undefined && (!duplicateOfId || C[c.dupOf]?.cat !== c.cat)) {
      throw new Error(`demo complaint ${index} must duplicate an earlier one of its category`);
    }
    const [row] = await tx
      .insert(complaints)
      .values({
        regionCode: REGION,
        trackingCode: demoTrackingCode(index),
        categoryId: category.id,
        unitId: handler.id,
        serviceId: c.service ? (serviceByName.get(c.service) ?? null) : null,
        description: c.text,
        address: c.at,
        latitude: c.latLong ? c.latLong[0].toFixed(6) : null,
        longitude: c.latLong ? c.latLong[1].toFixed(6) : null,
        contactName: c.contact?.[0] ?? null,
        contactPhone: c.contact?.[1] ?? null,
        contactEmail: c.contact?.[2] ?? null,
        status: c.status,
        statusNote: c.note ?? null,
        duplicateOfId,
        source: c.via ?? 'web',
        apiClientId: c.via ? (client?.id ?? null) : null,
        dueAt: new Date(filedAt.getTime() + category.slaDays * DAY),
        closedAt,
        version: 1 + steps.length + (c.to ? 1 : 0),
        createdAt: filedAt,
        updatedAt: lastAt,
      })
      .returning({ id: complaints.id });
    if (!row) throw new Error(`demo complaint ${index} not created`);
    ids.push(row.id);

    const events: (typeof complaintEvents.$inferInsert)[] = [
      {
        complaintId: row.id,
        action: 'diterima',
        toStatus: 'diterima',
        note: `Pengaduan diterima dan diteruskan ke ${category.unitName}.`,
        unitId: category.unitId,
        createdAt: filedAt,
      },
    ];
    if (c.to) {
      events.push({
        complaintId: row.id,
        action: 'dialihkan',
        note: `Dialihkan dari ${category.unitName} ke ${handler.name}: layanan yang diadukan diselenggarakan rumah sakit.`,
        isPublic: false,
        unitId: handler.id,
        actorId,
        createdAt: new Date(filedAt.getTime() + 2 * HOUR),
      });
    }
    let from: ComplaintStatus = 'diterima';
    for (const [i, to] of steps.entries()) {
      const isLast = i === steps.length - 1;
      events.push({
        complaintId: row.id,
        action: to,
        fromStatus: from,
        toStatus: to,
        note: isLast ? (c.note ?? null) : to === 'diverifikasi' ? 'Laporan sudah diverifikasi dan lokasi/berkas sudah diperiksa.' : null,
        unitId: handler.id,
        actorId,
        createdAt: isLast && closedAt ? closedAt : stepAt(i),
      });
      from = to;
    }
    await tx.insert(complaintEvents).values(events);
  }
  return ids.length;
}
