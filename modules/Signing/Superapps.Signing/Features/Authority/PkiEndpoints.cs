using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Superapps.Signing.Contracts;

namespace Superapps.Signing.Features.Authority;

/// <summary>
/// Public PKI files: <c>/pki/root.crl</c>, <c>/pki/intermediate.crl</c> (the CRL distribution points written into certificates) and
/// <c>/pki/root.cer</c>, <c>/pki/intermediate.cer</c> (the issuers' certificates); plus <c>POST /verifikasi/unggah</c>, which checks
/// an uploaded PDF for scripts and other clients. Anonymous on purpose: relying parties have no portal account.
/// </summary>
internal static class PkiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/pki/{file}", async (string file, CityAuthority authority, HttpContext context) =>
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var extension = Path.GetExtension(file);
            context.Response.Headers.CacheControl = "public, max-age=3600";
            switch (extension)
            {
                case ".crl" when await authority.CrlAsync(name, context.RequestAborted) is { } crl:
                    return Results.File(crl, "application/pkix-crl", file);
                case ".cer" when await authority.CertificateAsync(name, context.RequestAborted) is { } certificate:
                    return Results.File(certificate, "application/pkix-cert", file);
                default:
                    return Results.NotFound();
            }
        }).AllowAnonymous();

        endpoints.MapPost("/verifikasi/unggah", async (HttpContext context, IPdfSignatureVerifier verifier, Microsoft.Extensions.Options.IOptions<SigningOptions> options) =>
        {
            var limit = options.Value.MaxUploadBytes;
            if (context.Request.ContentLength is > 0 and var length && length > limit)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: $"Berkas terlalu besar (maksimal {limit / 1024 / 1024} MB). / The file is too big (at most {limit / 1024 / 1024} MB).");
            }

            using var buffer = new MemoryStream();
            var read = new byte[81920];
            int count;
            while ((count = await context.Request.Body.ReadAsync(read, context.RequestAborted)) > 0)
            {
                if (buffer.Length + count > limit)
                {
                    return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                        title: $"Berkas terlalu besar (maksimal {limit / 1024 / 1024} MB). / The file is too big (at most {limit / 1024 / 1024} MB).");
                }

                buffer.Write(read, 0, count);
            }

            var result = await verifier.VerifyAsync(buffer.ToArray(), context.RequestAborted);
            return result.IsPdf ? Results.Ok(result) : Results.UnprocessableEntity(result);
        }).AllowAnonymous().DisableAntiforgery();
    }
}
