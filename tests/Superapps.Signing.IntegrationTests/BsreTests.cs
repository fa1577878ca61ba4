using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Superapps.SharedKernel;
using Superapps.Signing.Contracts;
using Superapps.Signing.Features.Authority;
using Superapps.Signing.Features.Enrolment;
using Superapps.Signing.Pdf;
using Superapps.Testing;

namespace Superapps.Signing.IntegrationTests;

public sealed class BsreTests(PostgresServer server)
{
    private const string Nik = "3171012345670001";

    [Fact]
    public async Task Signing_through_bsre_returns_its_signed_pdf_and_registers_it()
    {
        await using var bsre = await FakeBsre.StartAsync();
        await using var harness = await SigningHarness.CreateAsync(server, o => Configure(o, bsre));
        await harness.Get<CertificateEnrolment>().SetNikAsync(SigningHarness.Budi, Nik, TestContext.Current.CancellationToken);
        var signer = harness.Get<IDocumentSigner>();
        (await signer.GetStatusAsync(SigningHarness.Budi, TestContext.Current.CancellationToken)).Enrolled.ShouldBeTrue();

        var code = signer.NewVerificationCode();
        var signed = await signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), FakeBsre.Passphrase, code), TestContext.Current.CancellationToken);

        signed.Provider.ShouldBe("bsre");
        signed.CertificateSubject.ShouldContain("CN=Budi Santoso");
        var request = bsre.Requests.ShouldHaveSingleItem();
        request.Authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("portal:rahasia-klien")));
        request.Fields["nik"].ShouldBe(Nik);
        request.Fields["tampilan"].ShouldBe("invisible");

        // Trusted through the configured BSrE root.
        var report = await harness.Get<IPdfSignatureVerifier>().VerifyAsync(signed.Pdf, TestContext.Current.CancellationToken);
        report.AllValid.ShouldBeTrue(string.Join("; ", report.Signatures.SelectMany(s => s.Problems).Select(p => p.English)));
        report.Registered.ShouldNotBeNull().Provider.ShouldBe("bsre");
    }

    [Fact]
    public async Task A_wrong_passphrase_at_bsre_counts_toward_the_lock()
    {
        await using var bsre = await FakeBsre.StartAsync();
        await using var harness = await SigningHarness.CreateAsync(server, o => Configure(o, bsre));
        await harness.Get<CertificateEnrolment>().SetNikAsync(SigningHarness.Budi, Nik, TestContext.Current.CancellationToken);
        var signer = harness.Get<IDocumentSigner>();

        var wrong = await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), "bukan-frasa-yang-benar", signer.NewVerificationCode())));
        wrong.Error.Code.ShouldBe("signing.passphrase.wrong");
        wrong.Error.English.ShouldBe("Wrong passphrase. Attempts left: 4.");
    }

    [Fact]
    public async Task An_unregistered_nik_and_a_service_that_is_down_give_clear_errors()
    {
        var bsre = await FakeBsre.StartAsync();
        await using var harness = await SigningHarness.CreateAsync(server, o => Configure(o, bsre));
        var enrolment = harness.Get<CertificateEnrolment>();
        var signer = harness.Get<IDocumentSigner>();

        (await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), FakeBsre.Passphrase, signer.NewVerificationCode()))))
            .Error.Code.ShouldBe("signing.bsre.nik-missing");

        await enrolment.SetNikAsync(SigningHarness.Budi, "3171999999999999", TestContext.Current.CancellationToken);
        (await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), FakeBsre.Passphrase, signer.NewVerificationCode()))))
            .Error.Code.ShouldBe("signing.bsre.not-registered");

        await enrolment.SetNikAsync(SigningHarness.Budi, Nik, TestContext.Current.CancellationToken);
        bsre.Failing = true;
        (await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), FakeBsre.Passphrase, signer.NewVerificationCode()))))
            .Error.Code.ShouldBe("signing.bsre.unavailable");

        await bsre.DisposeAsync();
        var down = await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), FakeBsre.Passphrase, signer.NewVerificationCode())));
        down.Error.Code.ShouldBe("signing.bsre.unavailable");
        down.Error.Indonesian.ShouldContain("belum ditandatangani");
    }

    private static void Configure(SigningOptions options, FakeBsre bsre)
    {
        options.Provider = SigningProviderKind.Bsre;
        options.Bsre.BaseUrl = bsre.Url;
        options.Bsre.ClientId = "portal";
        options.Bsre.ClientSecret = "rahasia-klien";
        options.Bsre.Timeout = TimeSpan.FromSeconds(10);
        options.TrustedRootsPem = bsre.RootPem;
    }

    /// <summary>A received request: its basic authentication and its form fields.</summary>
    private sealed record BsreRequest(string? Authorization, IReadOnlyDictionary<string, string> Fields);

    /// <summary>
    /// A local stand-in for BSrE's e-sign API as the module's README documents it: <c>POST /api/sign/pdf</c> with multipart
    /// <c>file</c>, <c>nik</c>, <c>passphrase</c>, <c>tampilan</c>, answering with the signed PDF or <c>{"error", "status_code"}</c>.
    /// It signs with its own CA, as BSrE does.
    /// </summary>
    private sealed class FakeBsre : IAsyncDisposable
    {
        public const string Passphrase = "Bsre#Passphrase2026";
        private readonly WebApplication _app;
        private readonly List<BsreRequest> _requests = [];
        private readonly RSA _rootKey = RSA.Create(3072);
        private readonly RSA _caKey = RSA.Create(3072);
        private readonly RSA _userKey = RSA.Create(2048);
        private readonly X509Certificate2 _root;
        private readonly X509Certificate2 _ca;
        private readonly X509Certificate2 _user;
        private bool _disposed;

        private FakeBsre(WebApplication app)
        {
            _app = app;
            var now = DateTimeOffset.UtcNow;
            var baseUrl = new Uri("https://bsre.example/");
            _root = CertificateIssuer.CreateRoot(_rootKey, "BSrE Uji", "Balai Sertifikasi Elektronik", now);
            _ca = CertificateIssuer.CreateIntermediate(_root, _rootKey, _caKey, "BSrE Uji", "Balai Sertifikasi Elektronik", baseUrl, now);
            _user = CertificateIssuer.IssueSigningCertificate(_ca, _caKey, _userKey, new CertificateHolder("Budi Santoso", null, "Pemerintah Kota Demo", null), baseUrl, now);
        }

        public Uri Url { get; private set; } = new("http://127.0.0.1/");

        public string RootPem => _root.ExportCertificatePem();

        public bool Failing { get; set; }

        public IReadOnlyList<BsreRequest> Requests
        {
            get
            {
                lock (_requests)
                {
                    return [.. _requests];
                }
            }
        }

        public static async Task<FakeBsre> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var fake = new FakeBsre(app);
            app.MapPost("/api/sign/pdf", (Delegate)fake.SignAsync);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            fake.Url = new Uri(address.TrimEnd('/') + "/");
            return fake;
        }

        private async Task<IResult> SignAsync(HttpContext context)
        {
            if (Failing)
            {
                return Results.Json(new { error = "Internal server error", status_code = 500 }, statusCode: 500);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
            lock (_requests)
            {
                _requests.Add(new BsreRequest(context.Request.Headers.Authorization.ToString(), fields));
            }

            if (fields.GetValueOrDefault("nik") != Nik)
            {
                return Results.Json(new { error = "NIK tidak terdaftar", status_code = 1111 }, statusCode: 400);
            }

            if (fields.GetValueOrDefault("passphrase") != Passphrase)
            {
                return Results.Json(new { error = "Passphrase anda salah", status_code = 2031 }, statusCode: 400);
            }

            using var file = new MemoryStream();
            await form.Files["file"]!.CopyToAsync(file, context.RequestAborted);
            var signed = PdfSignatureWriter.Sign(file.ToArray(), new SignatureDictionaryInfo(DateTimeOffset.UtcNow, "Budi Santoso", "BSrE"),
                covered => CadesSignature.Create(covered, _user, _userKey, [_ca]));
            return Results.File(signed, "application/pdf");
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _app.StopAsync();
            await _app.DisposeAsync();
            _root.Dispose();
            _ca.Dispose();
            _user.Dispose();
            _rootKey.Dispose();
            _caKey.Dispose();
            _userKey.Dispose();
        }
    }
}
