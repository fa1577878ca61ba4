using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Documents;
using Superapps.Organization;
using Superapps.Organization.Contracts;
using Superapps.Signing;
using Superapps.Signing.Contracts;
using Superapps.Signing.Features.Enrolment;
using Superapps.Testing;

namespace Superapps.Benchmarks;

/// <summary>
/// Rendering and signing a two-page letter, as the signer's "Tanda tangani" does it: the letter renderer (PDFsharp), then
/// <see cref="IDocumentSigner.SignPdfAsync"/> with the city CA (lockout check, key decryption with the passphrase, PAdES B-B
/// signature as an incremental update, registration for verification) on a private PostgreSQL with the demo city.
/// </summary>
internal static class SigningBenchmark
{
    private const string Passphrase = "frasa-sandi-tolok-ukur-2026";

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var iterations = arguments.Int("iterations", 100);
        var warmup = arguments.Int("warmup", 10);
        var folder = Path.Combine(Path.GetTempPath(), "superapps-signing-benchmark", Guid.NewGuid().ToString("N")[..8]);
        await using var server = new PostgresServer();
        await server.InitializeAsync();
        await using var services = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddOrganizationModule();
            s.AddSigningModule();
            s.Configure<SigningOptions>(o => o.KeyDirectory = Path.Combine(folder, "keys"));
        }, seedDemo: true);

        Guid signer;
        string signerName;
        await using (var scope = services.CreateScope())
        {
            var kepala = (await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().ListActiveEmployeesAsync())
                .First(e => e.PrimaryPosition?.Title == "Kepala Dinas Komunikasi dan Informatika");
            (signer, signerName) = (kepala.EmployeeId, kepala.Name);
            await scope.ServiceProvider.GetRequiredService<CertificateEnrolment>().EnrolAsync(signer, Passphrase, Passphrase);
        }

        var renderer = new LetterPdfRenderer();
        var pages = Pages(renderer.Render(Letter(signerName, new Uri("http://127.0.0.1:5080/verifikasi/benchmark"))));
        var render = new List<double>();
        var sign = new List<double>();
        var total = new List<double>();
        for (var i = 0; i < warmup + iterations; i++)
        {
            await using var scope = services.CreateScope();
            var signerService = scope.ServiceProvider.GetRequiredService<IDocumentSigner>();
            var started = Stopwatch.GetTimestamp();
            var code = signerService.NewVerificationCode();
            var pdf = renderer.Render(Letter(signerName, signerService.VerificationUrl(code)));
            var rendered = Stopwatch.GetTimestamp();
            await signerService.SignPdfAsync(new SignPdfRequest(signer, pdf, Passphrase, code,
                new SignedDocumentDescription($"000.1.2/{i + 1}/DISKOMINFO/2026", new DateOnly(2026, 11, 23), "Dinas Komunikasi dan Informatika",
                    signerName, "Kepala Dinas Komunikasi dan Informatika", "letters", Guid.CreateVersion7()), "Menyetujui nota dinas"));
            var signed = Stopwatch.GetTimestamp();
            if (i >= warmup)
            {
                render.Add(Stopwatch.GetElapsedTime(started, rendered).TotalMilliseconds);
                sign.Add(Stopwatch.GetElapsedTime(rendered, signed).TotalMilliseconds);
                total.Add(Stopwatch.GetElapsedTime(started, signed).TotalMilliseconds);
            }
        }

        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"Render and sign a {pages}-page letter, {iterations} calls after {warmup} warm-up calls ({Environment.ProcessorCount} cores)");
        output.AppendLine();
        output.AppendLine("| step | p50 ms | p95 ms | p99 ms | max ms |");
        output.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (name, samples) in new[] { ("render (PDFsharp)", render), ("sign (IDocumentSigner, city CA)", sign), ("render + sign", total) })
        {
            samples.Sort();
            output.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {P(samples, 50):F1} | {P(samples, 95):F1} | {P(samples, 99):F1} | {samples[^1]:F1} |");
        }

        Console.Write(output.ToString());
        if (arguments.Text("out") is { } file)
        {
            await File.WriteAllTextAsync(file, output.ToString());
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return 0;
    }

    private static double P(List<double> sorted, int percentile) => sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int Pages(byte[] pdf) => System.Text.RegularExpressions.Regex.Count(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?!s)");

    /// <summary>A nota dinas long enough for two pages, signed.</summary>
    private static LetterDocument Letter(string signerName, Uri verification)
    {
        var body = new StringBuilder();
        for (var i = 1; i <= 9; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{i}. Dalam rangka percepatan penerapan Sistem Pemerintahan Berbasis Elektronik di lingkungan Pemerintah Kota Demo, ")
                .Append("setiap perangkat daerah diminta memutakhirkan data aplikasi, jaringan dan layanan publik yang dikelolanya, ")
                .Append("menyampaikan laporan pemanfaatan aplikasi, serta menunjuk petugas penghubung yang bertanggung jawab atas integrasi layanan ke portal.</p>");
        }

        body.Append("<ol><li>Data aplikasi;</li><li>Data jaringan;</li><li>Data layanan publik.</li></ol>");
        return new LetterDocument(LetterKind.NotaDinas,
            new Letterhead("Pemerintah Kota Demo", "DINAS KOMUNIKASI DAN INFORMATIKA", "Jl. Jenderal Sudirman No. 1, Kota Demo", "Telepon (0741) 000000", null),
            "000.1.2/1/DISKOMINFO/2026", "Kota Demo", new DateOnly(2026, 11, 23), "Segera", "1 (satu) berkas", "Pemutakhiran data aplikasi dan layanan",
            ["Kepala Dinas Kependudukan dan Pencatatan Sipil"], null, body.ToString(),
            new SignatureBlock("Kepala Dinas Komunikasi dan Informatika", signerName, "197503152000031002", null, IsSigned: true),
            ["Wali Kota Demo (sebagai laporan)"], verification);
    }
}
