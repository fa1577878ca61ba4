using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Signing;
using Superapps.Signing.Contracts;
using Superapps.Testing;

namespace Superapps.Signing.IntegrationTests;

/// <summary>The Signing module on a fresh database, with a test clock, a directory of two employees and a private key folder.</summary>
public sealed class SigningHarness : IAsyncDisposable
{
    public static readonly Guid Budi = Guid.Parse("0195d0a0-0000-7000-8000-000000000001");
    public static readonly Guid Inactive = Guid.Parse("0195d0a0-0000-7000-8000-000000000002");
    public const string Passphrase = "frasa-sandi-rahasia-budi";

    private readonly AsyncServiceScope _scope;

    private SigningHarness(ModuleServices services, TestClock clock, string folder)
    {
        // One scope for the test, as one request or circuit has: the signer and the enrolment are scoped services.
        _scope = services.CreateScope();
        Services = services;
        Clock = clock;
        Folder = folder;
    }

    public ModuleServices Services { get; }

    public TestClock Clock { get; }

    /// <summary>A private temporary folder (CA key secret, NSS databases, PDFs), deleted with the harness.</summary>
    public string Folder { get; }

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public AuditRecorder Audit => Services.Audit;

    public static async Task<SigningHarness> CreateAsync(PostgresServer server, Action<SigningOptions>? configure = null, DateTimeOffset? now = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "superapps-signing-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        // Whole seconds: PostgreSQL keeps microseconds, so times read back compare equal.
        var start = now ?? DateTimeOffset.UtcNow;
        var clock = new TestClock(new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        var services = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddSingleton<IOrganizationDirectory>(new StubDirectory());
            s.AddSigningModule();
            s.Configure<SigningOptions>(o =>
            {
                o.KeyDirectory = Path.Combine(folder, "keys");
                o.Organization = "Pemerintah Kota Demo";
                o.CaName = "Kota Demo";
                configure?.Invoke(o);
            });
        }, clock: clock);
        return new SigningHarness(services, clock, folder);
    }

    public static SignPdfRequest Request(byte[] pdf, string passphrase, string code, Guid? employee = null) =>
        new(employee ?? Budi, pdf, passphrase, code,
            new SignedDocumentDescription("000.1.2/123/Diskominfo/2026", new DateOnly(2026, 11, 23), "Dinas Komunikasi dan Informatika",
                "Budi Santoso", "Kepala Dinas Komunikasi dan Informatika", "letters", Guid.CreateVersion7()),
            "Menyetujui surat dinas");

    /// <summary>A two-page PDF made with PDFsharp (shapes only: no fonts needed).</summary>
    public static byte[] TwoPagePdf()
    {
        // PDFsharp 6.5 refuses to work until a licence is chosen; the project is AGPL (docs/adr/0003-agpl.md).
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        using var document = new PdfDocument();
        // PDFsharp 6.5's compressed content streams draw qpdf warnings ("input stream is complete but output may still be
        // valid", exit code 3) before any signature: keep them plain so the check below is about the signature alone.
        document.Options.CompressContentStreams = false;
        for (var i = 0; i < 2; i++)
        {
            var page = document.AddPage();
            using var graphics = XGraphics.FromPdfPage(page);
            graphics.DrawRectangle(XPens.Black, XBrushes.LightGray, 50, 50 + (i * 20), 300, 100);
            graphics.DrawLine(XPens.DarkBlue, 50, 300, 500, 300 + (i * 40));
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    public async Task<string> WriteAsync(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    /// <summary>A fresh NSS database trusting <paramref name="root"/> as a CA.</summary>
    public async Task<string> NssDatabaseTrustingAsync(X509Certificate2 root)
    {
        var directory = Path.Combine(Folder, "nss-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(directory);
        var pem = await WriteAsync("root-" + Path.GetFileName(directory) + ".pem", System.Text.Encoding.ASCII.GetBytes(root.ExportCertificatePem()));
        await ExternalTool.RunCheckedAsync("certutil", "-N", "-d", "sql:" + directory, "--empty-password");
        await ExternalTool.RunCheckedAsync("certutil", "-A", "-d", "sql:" + directory, "-n", "city-root", "-t", "CT,C,C", "-a", "-i", pem);
        return directory;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await Services.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private sealed class StubDirectory() : TestOrganizationDirectory([], [
        new EmployeeProfile(Budi, "198503152010011002", "Budi Santoso", "budi@kotademo.go.id", Guid.Empty, "Dinas Komunikasi dan Informatika", true, []),
        new EmployeeProfile(Inactive, null, "Pensiunan", null, Guid.Empty, "Sekretariat Daerah", false, []),
    ]);
}
