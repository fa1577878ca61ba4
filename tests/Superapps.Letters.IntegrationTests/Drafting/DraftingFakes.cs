using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Superapps.Letters.Features.Documents;
using Superapps.Letters.Features.Sending;
using Superapps.SharedKernel;
using Superapps.Signing.Contracts;

namespace Superapps.Letters.IntegrationTests.Drafting;

/// <summary>Signs by appending a marker; any passphrase other than <see cref="Passphrase"/> is refused as the Signing module would.</summary>
public sealed class FakeSigner : IDocumentSigner
{
    public const string Passphrase = "benar-123";
    public static readonly byte[] Marker = "\n%SIGNED-BY-FAKE\n"u8.ToArray();
    public static readonly UserError WrongPassphrase = new("signing.passphrase", "Passphrase salah.", "Wrong passphrase.", "passphrase");

    private int _attempts;

    public int Attempts => _attempts;

    public List<SignPdfRequest> Requests { get; } = [];

    public Task<SignerStatus> GetStatusAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SignerStatus(true, true, null, DateTimeOffset.UtcNow.AddYears(1)));

    public Task<SignedDocument> SignPdfAsync(SignPdfRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _attempts);
        if (request.Passphrase != Passphrase)
        {
            throw new DomainRuleException(WrongPassphrase);
        }

        lock (Requests)
        {
            Requests.Add(request);
        }

        var pdf = request.Pdf.Concat(Marker).ToArray();
        return Task.FromResult(new SignedDocument(pdf, "fake", "CN=Test", "01", DateTimeOffset.UtcNow, Convert.ToHexStringLower(SHA256.HashData(pdf))));
    }

    public string NewVerificationCode() => Guid.NewGuid().ToString("N");

    public Uri VerificationUrl(string verificationCode) => new($"https://portal.test/verifikasi/{verificationCode}");
}

/// <summary>Renders a tiny PDF naming the number and the signature title, and keeps every document it was given.</summary>
public sealed class FakeRenderer : ILetterPdfRenderer
{
    private readonly List<LetterDocument> _documents = [];

    public IReadOnlyList<LetterDocument> Documents
    {
        get
        {
            lock (_documents)
            {
                return [.. _documents];
            }
        }
    }

    public byte[] Render(LetterDocument document)
    {
        lock (_documents)
        {
            _documents.Add(document);
        }

        return Encoding.UTF8.GetBytes($"%PDF-1.7\n% {document.Number} {document.Signature.Title}\n%%EOF\n");
    }
}

/// <summary>Strips every tag for the plain text, and scripts from the HTML.</summary>
public sealed partial class FakeSanitizer : IRichTextSanitizer
{
    public string Sanitize(string? html) => Script().Replace(html ?? string.Empty, string.Empty);

    public string ToPlainText(string? html) => Tag().Replace(html ?? string.Empty, " ").Trim();

    [GeneratedRegex("<script.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Script();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}

/// <summary>An e-mail sender that fails while <see cref="Failing"/> is set.</summary>
public sealed class FlakyMailer : IExternalLetterMailer
{
    public bool Failing { get; set; }

    public List<ExternalLetterMail> Sent { get; } = [];

    public Task SendAsync(ExternalLetterMail mail, CancellationToken cancellationToken = default)
    {
        if (Failing)
        {
            throw new IOException("SMTP server unavailable");
        }

        Sent.Add(mail);
        return Task.CompletedTask;
    }
}
