using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Superapps.SharedKernel;
using Superapps.Signing.Domain;
using Superapps.Signing.Features.Authority;
using Superapps.Signing.Features.Signing;
using Superapps.Signing.Pdf;

namespace Superapps.Signing.Features.Bsre;

/// <summary>
/// Signs through BSrE's e-sign API (the assumed shape is in the module's README): <c>POST api/sign/pdf</c>, multipart with
/// <c>file</c>, <c>nik</c>, <c>passphrase</c> and <c>tampilan=invisible</c>, HTTP basic authentication; the answer is the signed
/// PDF, or JSON <c>{"error": "...", "status_code": n}</c>. BSrE keeps the key; the portal only keeps the signer's NIK.
/// </summary>
internal sealed class BsreProvider(IHttpClientFactory clients, IOptions<SigningOptions> options, ILogger<BsreProvider> logger) : ISigningProvider
{
    public const string ProviderName = "bsre";
    public const string HttpClientName = "signing-bsre";

    public string Name => ProviderName;

    public Task<ProviderStatus> GetStatusAsync(SignerState? signer, Guid employeeId, CancellationToken cancellationToken) =>
        Task.FromResult(signer?.Nik is null ? new ProviderStatus(false, false, null) : new ProviderStatus(true, true, null));

    public async Task<ProviderSignature> SignAsync(ProviderSignRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value.Bsre;
        if (settings.BaseUrl is null)
        {
            throw new DomainRuleException(SigningErrors.BsreNotConfigured);
        }

        var nik = request.Signer.Nik ?? throw new DomainRuleException(SigningErrors.NikMissing);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(request.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "document.pdf");
        content.Add(new StringContent(nik), "nik");
        content.Add(new StringContent(request.Passphrase), "passphrase");
        content.Add(new StringContent("invisible"), "tampilan");
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUrl, "api/sign/pdf")) { Content = content };
        if (!string.IsNullOrEmpty(settings.ClientId))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));
        }

        var client = clients.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await client.SendAsync(message, timeout.Token);
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "BSrE could not be reached");
            throw new DomainRuleException(SigningErrors.BsreUnavailable);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode && PdfSignatureReader.LooksLikePdf(body))
            {
                var (subject, serial) = SignerCertificate(body);
                return new ProviderSignature(body, subject, serial);
            }

            var (error, code) = ReadError(body);
            logger.LogWarning("BSrE refused: HTTP {Status}, {Code} {Error}", (int)response.StatusCode, code, error);
            throw Map(response.StatusCode, code, error);
        }
    }

    /// <summary>Maps BSrE's answer to the errors a signer understands; a wrong passphrase counts toward the lockout.</summary>
    internal static Exception Map(HttpStatusCode status, int? code, string error)
    {
        var text = error.ToLowerInvariant();
        if (code == 2031 || (text.Contains("passphrase", StringComparison.Ordinal) && (text.Contains("salah", StringComparison.Ordinal) || text.Contains("wrong", StringComparison.Ordinal) || text.Contains("invalid", StringComparison.Ordinal))))
        {
            return new WrongPassphraseException();
        }

        if (code == 1111 || text.Contains("tidak terdaftar", StringComparison.Ordinal) || text.Contains("not registered", StringComparison.Ordinal))
        {
            return new DomainRuleException(SigningErrors.BsreNotRegistered);
        }

        if (text.Contains("expired", StringComparison.Ordinal) || text.Contains("kadaluarsa", StringComparison.Ordinal) || text.Contains("kedaluwarsa", StringComparison.Ordinal))
        {
            return new DomainRuleException(SigningErrors.BsreCertificateExpired);
        }

        if (text.Contains("revoke", StringComparison.Ordinal) || text.Contains("dicabut", StringComparison.Ordinal))
        {
            return new DomainRuleException(SigningErrors.BsreCertificateRevoked);
        }

        if ((int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new DomainRuleException(SigningErrors.BsreUnavailable);
        }

        return new DomainRuleException(SigningErrors.BsreRefused(string.IsNullOrWhiteSpace(error) ? $"HTTP {(int)status}" : error));
    }

    private static (string Error, int? Code) ReadError(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : string.Empty;
            int? code = root.TryGetProperty("status_code", out var c) && c.TryGetInt32(out var n) ? n : null;
            return (error, code);
        }
        catch (JsonException)
        {
            return (string.Empty, null);
        }
    }

    /// <summary>The subject and serial of the newest signature's signer in a PDF BSrE returned.</summary>
    private static (string Subject, string Serial) SignerCertificate(byte[] pdf)
    {
        var last = PdfSignatureReader.Read(pdf).LastOrDefault(s => s.Cms is not null);
        if (last?.Cms is null)
        {
            return ("BSrE", string.Empty);
        }

        try
        {
            var cms = new SignedCms();
            cms.Decode(last.Cms);
            var certificate = cms.SignerInfos.Count > 0 ? cms.SignerInfos[0].Certificate : null;
            return certificate is null ? ("BSrE", string.Empty) : (certificate.Subject, certificate.SerialNumber);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return ("BSrE", string.Empty);
        }
    }
}
