using System.Diagnostics;
using System.Text.RegularExpressions;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Documents;
using Superapps.Testing;

namespace Superapps.Letters.Tests.Documents;

/// <summary>Outgoing letters rendered to real PDFs, checked with qpdf and read back with poppler.</summary>
public sealed partial class LetterPdfRendererTests(ITestOutputHelper output) : IDisposable
{
    private readonly LetterPdfRenderer _renderer = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("superapps-letters-pdf-");

    public static TheoryData<LetterKind, bool> KindsSignedAndDraft()
    {
        var data = new TheoryData<LetterKind, bool>();
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            data.Add(kind, false);
            data.Add(kind, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsSignedAndDraft))]
    public async Task Every_kind_renders_a_valid_pdf_in_its_layout(LetterKind kind, bool isSigned)
    {
        var path = Save(SampleLetters.Create(kind, isSigned), $"{kind}-{(isSigned ? "signed" : "draft")}");

        (await CheckAndCountPagesAsync(path)).ShouldBe(1);
        var text = await TextAsync(path);
        var title = kind switch
        {
            LetterKind.NotaDinas => "NOTA DINAS",
            LetterKind.SuratEdaran => "SURAT EDARAN",
            LetterKind.SuratTugas => "SURAT TUGAS",
            _ => "Nomor",
        };
        var number = isSigned ? SampleLetters.Number : "(belum bernomor)";
        ShouldAppearInOrder(text, "PEMERINTAH KOTA JAMBI", "DINAS KOMUNIKASI DAN INFORMATIKA", title, number, "Dalam rangka percepatan",
            "Rabu, 25 November 2026", "tepat pada waktunya", "Dr. Ir. Ahmad Fauzi, M.Si.", "NIP. 197503152000031002");
        if (kind == LetterKind.NotaDinas)
        {
            ShouldAppearInOrder(text, "Yth.", "Dari", "Tembusan", "Wali Kota Jambi (sebagai laporan)", "Tanggal", "23 November 2026", "Sifat", "Lampiran", "Hal");
        }
        else
        {
            ShouldAppearInOrder(text, "Tembusan:", "1. Wali Kota Jambi (sebagai laporan)", "2. Sekretaris Daerah Kota Jambi", "3. Inspektur Kota Jambi");
        }

        if (kind is LetterKind.SuratDinas or LetterKind.SuratUndangan)
        {
            ShouldAppearInOrder(text, "Jambi, 23 November 2026", "Nomor", "Sifat", "Segera", "Lampiran", "1 (satu) berkas", "Hal", "Yth.", "Kepala Dinas Pendidikan Kota Jambi", "di", "Tempat");
        }

        if (kind == LetterKind.SuratEdaran)
        {
            ShouldAppearInOrder(text, "TENTANG", "PERCEPATAN PENERAPAN SISTEM PEMERINTAHAN", "Yth.", "Ditetapkan di Jambi", "pada tanggal 23 November 2026");
        }

        if (isSigned)
        {
            ShouldAppearInOrder(text, "Ditandatangani secara elektronik oleh:", "Dr. Ir. Ahmad Fauzi", "Dokumen ini telah ditandatangani secara elektronik");
            text.ShouldNotContain("KONSEP");
        }
        else
        {
            text.ShouldNotContain("Ditandatangani secara elektronik");
        }
    }

    [Fact]
    public async Task A_long_letter_with_a_table_and_lists_runs_over_three_pages_and_keeps_its_order()
    {
        var path = Save(SampleLetters.Create(LetterKind.SuratDinas, isSigned: true, SampleLetters.LongBody(), acting: true), "SuratDinas-long-plt");

        (await CheckAndCountPagesAsync(path)).ShouldBe(3);
        var text = await TextAsync(path);
        ShouldAppearInOrder(text, SampleLetters.Number, "Latar belakang.", "Paragraf 1:", "Paragraf 9:", "DAFTAR PETUGAS PENGHUBUNG", "Nama", "NIP", "Jabatan",
            "Rahmat Hidayat,", "Andi Saputra,", "• Petugas penghubung hadir", "a. data kepegawaian setiap bulan;", "b. data layanan setiap triwulan.",
            "• Perubahan petugas", "Paragraf 16:", "Penutup surat", SampleLetters.PltTitle, "Dr. Ir. Ahmad Fauzi", "Tembusan:");
        Regex.IsMatch(text, @"- ?2 ?-").ShouldBeTrue();
        Regex.IsMatch(text, @"- ?3 ?-").ShouldBeTrue();
        Regex.Count(text, "Dokumen ini telah ditandatangani secara elektronik").ShouldBe(3);
    }

    [Fact]
    public async Task The_signature_block_moves_whole_to_the_next_page_when_it_does_not_fit()
    {
        // Enough paragraphs to leave a little room at the foot of the first page, too little for the signature block.
        for (var paragraphs = 8; paragraphs <= 16; paragraphs++)
        {
            var body = string.Concat(Enumerable.Repeat("<p>Kalimat isi surat yang cukup panjang untuk memenuhi satu baris penuh dalam surat dinas ini.</p>", paragraphs));
            var path = Save(SampleLetters.Create(LetterKind.SuratTugas, isSigned: true, body), $"keep-{paragraphs}");
            var pages = await CheckAndCountPagesAsync(path);
            var lastPage = await PdfTools.ToTextAsync(path, firstPage: pages, cancellationToken: TestContext.Current.CancellationToken);
            var normalised = Normalise(lastPage);

            // The title, the QR note, the name and the NIP are always on the same page.
            normalised.ShouldContain("Kepala Dinas Komunikasi dan Informatika,");
            normalised.ShouldContain("Ditandatangani secara elektronik oleh:");
            normalised.ShouldContain("NIP. 197503152000031002");
        }
    }

    [Fact]
    public async Task A_table_that_breaks_across_pages_repeats_its_header_row_on_the_next_page()
    {
        var body = new System.Text.StringBuilder("<p>Daftar peserta bimbingan teknis SPBE:</p>");
        body.Append("<table><thead><tr><th>No.</th><th>Nama Peserta</th><th>Unit Kerja Asal</th></tr></thead><tbody>");
        for (var i = 1; i <= 60; i++)
        {
            body.Append("<tr><td>").Append(i).Append(".</td><td>Peserta Nomor ").Append(i).Append("</td><td>Bidang Aplikasi dan Informatika</td></tr>");
        }

        body.Append("</tbody></table><p>Demikian daftar ini disampaikan.</p>");
        var path = Save(SampleLetters.Create(LetterKind.SuratDinas, isSigned: true, body.ToString()), "table-header-repeated");

        var pages = await CheckAndCountPagesAsync(path);
        pages.ShouldBeGreaterThanOrEqualTo(3);
        var first = Normalise(await PageAsync(path, 1));
        var second = Normalise(await PageAsync(path, 2));
        ShouldAppearInOrder(first, "No.", "Nama Peserta", "Unit Kerja Asal", "Peserta Nomor 1 ");
        first.ShouldNotContain("Peserta Nomor 60");

        // Page 2 opens with the header again, then the rows carry on where page 1 stopped.
        var firstRowOnPage2 = Enumerable.Range(2, 59).First(n => second.Contains($"Peserta Nomor {n} ", StringComparison.Ordinal)
            && !first.Contains($"Peserta Nomor {n} ", StringComparison.Ordinal));
        first.ShouldContain($"Peserta Nomor {firstRowOnPage2 - 1} ");
        ShouldAppearInOrder(second, "Nama Peserta", "Unit Kerja Asal", $"Peserta Nomor {firstRowOnPage2} ");
        var pagesWithRows = 0;
        for (var p = 1; p <= pages; p++)
        {
            pagesWithRows += (await PageAsync(path, p)).Contains("Peserta Nomor", StringComparison.Ordinal) ? 1 : 0;
        }

        Regex.Count(await TextAsync(path), "Nama Peserta").ShouldBe(pagesWithRows);
    }

    [Fact]
    public async Task The_signature_block_prints_the_name_then_pangkat_and_golongan_then_the_nip()
    {
        var letter = SampleLetters.Create(LetterKind.SuratDinas, isSigned: true, acting: true);
        var path = Save(letter, "signature-rank");

        var text = await TextAsync(path);
        ShouldAppearInOrder(text, SampleLetters.PltTitle + ",", "Dr. Ir. Ahmad Fauzi, M.Si.", "Pembina Utama Muda (IV/c)", "NIP. 197503152000031002");

        var withoutRank = await TextAsync(Save(letter with { Signature = letter.Signature with { Rank = null } }, "signature-no-rank"));
        ShouldAppearInOrder(withoutRank, "Dr. Ir. Ahmad Fauzi, M.Si.", "NIP. 197503152000031002");
        withoutRank.ShouldNotContain("Pembina");
    }

    [Fact]
    public async Task Script_in_the_body_is_not_printed_as_markup_and_does_not_break_the_pdf()
    {
        var sanitizer = new RichTextSanitizer();
        var body = sanitizer.Sanitize("<p>Isi <script>alert('xss')</script><img src=x onerror=alert(1)>aman</p>");
        var path = Save(SampleLetters.Create(LetterKind.NotaDinas, isSigned: false, body), "script");

        (await CheckAndCountPagesAsync(path)).ShouldBe(1);
        var text = await TextAsync(path);
        text.ShouldContain("Isi aman");
        text.ShouldNotContain("alert");
    }

    [Fact]
    public async Task The_city_emblem_is_printed_when_the_letterhead_has_one()
    {
        var letter = SampleLetters.Create(LetterKind.SuratDinas, isSigned: false) with
        {
            Letterhead = SampleLetters.Letterhead with { LogoPng = TestPng.Emblem() },
        };
        var path = Save(letter, "logo");

        (await CheckAndCountPagesAsync(path)).ShouldBe(1);
        var images = (await ExternalTool.RunCheckedAsync("pdfimages", ["-list", path], cancellationToken: TestContext.Current.CancellationToken)).StandardOutput;
        Regex.Count(images, @"^\s*1\s+\d+\s+image\s", RegexOptions.Multiline).ShouldBe(1, images);
    }

    [Fact]
    public async Task A_broken_emblem_falls_back_to_the_drawn_shield()
    {
        var letter = SampleLetters.Create(LetterKind.NotaDinas, isSigned: false) with
        {
            Letterhead = SampleLetters.Letterhead with { LogoPng = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3] },
        };

        (await CheckAndCountPagesAsync(Save(letter, "broken-logo"))).ShouldBe(1);
    }

    [Fact]
    public async Task Renders_concurrently_and_fast()
    {
        var letter = SampleLetters.Create(LetterKind.SuratDinas, isSigned: true, SampleLetters.LongBody(), acting: true);
        var first = _renderer.Render(letter);
        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = _renderer.Render(letter));
        foreach (var (pdf, i) in results.Select((r, i) => (r, i)))
        {
            var path = Path.Combine(_folder.FullName, $"parallel-{i}.pdf");
            File.WriteAllBytes(path, pdf);
            (await CheckAndCountPagesAsync(path)).ShouldBe(3);
            Math.Abs(pdf.Length - first.Length).ShouldBeLessThan(64);
        }

        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            _renderer.Render(letter);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"Three-page letter: median {times[times.Count / 2]:F1} ms, p95 {times[(int)(times.Count * 0.95) - 1]:F1} ms.");
    }

    [Fact]
    public async Task Screenshots_of_the_signed_nota_dinas_and_surat_dinas()
    {
        var folder = Path.Combine(Superapps.LocalDev.DevStackOptions.FindRepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var (name, letter) in new[]
        {
            ("letter-nota-dinas-signed", SampleLetters.Create(LetterKind.NotaDinas, isSigned: true, acting: true)),
            ("letter-surat-dinas-signed", SampleLetters.Create(LetterKind.SuratDinas, isSigned: true)),
            ("letter-surat-dinas-long", SampleLetters.Create(LetterKind.SuratDinas, isSigned: true, SampleLetters.LongBody(), acting: true)),
            ("letter-surat-edaran-draft", SampleLetters.Create(LetterKind.SuratEdaran, isSigned: false)),
        })
        {
            var path = Save(letter, name);
            await PdfTools.ToPngAsync(path, Path.Combine(folder, name), cancellationToken: TestContext.Current.CancellationToken);
            File.Exists(Path.Combine(folder, name + "-1.png")).ShouldBeTrue();
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Save(LetterDocument letter, string name)
    {
        var path = Path.Combine(_folder.FullName, name + ".pdf");
        File.WriteAllBytes(path, _renderer.Render(letter));
        return path;
    }

    /// <summary>Checks the file with qpdf and returns its page count.</summary>
    private static async Task<int> CheckAndCountPagesAsync(string path)
    {
        await PdfTools.CheckWithQpdfAsync(path, TestContext.Current.CancellationToken);
        return await PdfTools.PageCountAsync(path, TestContext.Current.CancellationToken);
    }

    private static async Task<string> TextAsync(string path) => Normalise(await PdfTools.ToTextAsync(path, cancellationToken: TestContext.Current.CancellationToken));

    private static async Task<string> PageAsync(string path, int page) =>
        await PdfTools.ToTextAsync(path, page, page, TestContext.Current.CancellationToken) + "\n";

    private static string Normalise(string text) => Spaces().Replace(text, " ");

    private static void ShouldAppearInOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            found.ShouldBeGreaterThanOrEqualTo(0, $"\"{part}\" should appear after position {at} in:\n{text}");
            at = found + part.Length;
        }
    }

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
