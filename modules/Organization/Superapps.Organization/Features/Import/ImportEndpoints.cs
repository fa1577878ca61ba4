using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Superapps.Organization.Features.Administration;
using Superapps.SharedKernel;

namespace Superapps.Organization.Features.Import;

/// <summary>
/// HTTP access to the import: a CSV template per kind, and an upload endpoint for scripts and bulk loads.
/// The upload answers 200 when every row was saved, 400 when the file itself is unusable, 422 with errors by row and column
/// when any row is wrong (and then nothing is saved), and 413 when the file is too large.
/// </summary>
internal static class ImportEndpoints
{
    /// <summary>A header browsers cannot send cross-site without a CORS preflight, which the portal never grants: the upload's CSRF guard.</summary>
    public const string RequestHeader = "X-Superapps-Request";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/organisasi/impor").RequireAuthorization(OrganizationPortalModule.ManagePolicy);
        group.MapGet("/templat/{kind}", (string kind) => ParseKind(kind) is { } k
            ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Template(k))).ToArray(), "text/csv; charset=utf-8", $"templat-{kind}.csv")
            : Results.NotFound());
        group.MapPost("/{kind}", UploadAsync).DisableAntiforgery();
    }

    private static async Task<IResult> UploadAsync(string kind, HttpContext context, OrganizationImport import)
    {
        if (!context.Request.Headers.ContainsKey(RequestHeader))
        {
            return Problem(400, new UserError("organization.import.header", $"Permintaan harus membawa header {RequestHeader}.", $"The request must carry the {RequestHeader} header."));
        }

        if (ParseKind(kind) is not { } importKind)
        {
            return Results.NotFound();
        }

        if (!context.Request.HasFormContentType)
        {
            return Problem(400, new UserError("organization.import.no-file", "Unggah satu berkas pada isian \"file\".", "Upload one file in the \"file\" field."));
        }

        if (context.Request.ContentLength > OrganizationImport.MaximumBytes + (64 * 1024))
        {
            return Problem(413, Tabular.TabularErrors.TooLarge(OrganizationImport.MaximumBytes));
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files.GetFile("file") is not { } file)
        {
            return Problem(400, new UserError("organization.import.no-file", "Unggah satu berkas pada isian \"file\".", "Upload one file in the \"file\" field."));
        }

        if (file.Length > OrganizationImport.MaximumBytes)
        {
            return Problem(413, Tabular.TabularErrors.TooLarge(OrganizationImport.MaximumBytes));
        }

        await using var stream = file.OpenReadStream();
        var result = await import.ImportAsync(AdminScope.From(context.User), importKind, stream, file.FileName, context.RequestAborted);
        if (result.Succeeded)
        {
            return Results.Ok(new { result.Rows, result.Created, result.Updated });
        }

        var errors = result.Errors.Select(e => new { row = e.Row, column = e.Column, code = e.Error.Code, message = e.Error.Indonesian, messageEnglish = e.Error.English });
        var fileLevel = result.Errors.All(e => e.Row == 0);
        return Results.Json(new
        {
            type = "https://superapps.go.id/problems/import",
            title = fileLevel ? result.Errors[0].Error.Indonesian : "Impor ditolak: perbaiki baris yang salah lalu unggah ulang. Tidak ada data yang disimpan.",
            titleEnglish = fileLevel ? result.Errors[0].Error.English : "Import refused: fix the rows in error and upload again. Nothing was saved.",
            status = fileLevel ? 400 : 422,
            errors,
        }, statusCode: fileLevel ? 400 : 422, contentType: "application/problem+json");
    }

    private static IResult Problem(int status, UserError error) =>
        Results.Json(new { title = error.Indonesian, titleEnglish = error.English, status, code = error.Code }, statusCode: status, contentType: "application/problem+json");

    internal static ImportKind? ParseKind(string kind) => kind.ToLowerInvariant() switch
    {
        "opd" => ImportKind.Agencies,
        "jabatan" => ImportKind.Positions,
        "pegawai" => ImportKind.Employees,
        _ => null,
    };

    internal static string Template(ImportKind kind) => kind switch
    {
        ImportKind.Agencies => "kode,nama,singkatan,jenis,induk,alamat,kode_pos,telepon,faksimile,email,laman\r\n"
            + "DISNAKER,Dinas Tenaga Kerja,Disnaker,Dinas,,\"Jalan Jenderal Sudirman Nomor 10, Thehok, Jambi\",36138,(0741) 555-0180,,disnaker@kota.go.id,disnaker.kota.go.id\r\n"
            + "KEL-CONTOH,Kelurahan Contoh,Kel. Contoh,Kelurahan,KEC-CONTOH,,,,,,\r\n",
        ImportKind.Positions => "kode_opd,jabatan,tingkat,unit,atasan_kode_opd,atasan_jabatan,kepala_opd\r\nDISNAKER,Kepala Dinas Tenaga Kerja,Kepala OPD,,SETDA,Sekretaris Daerah,ya\r\nDISNAKER,Kepala Bidang Penempatan Tenaga Kerja,Kabid,,,Kepala Dinas Tenaga Kerja,tidak\r\n",
        _ => "nip,nama,kode_opd,nik,email,telepon,jabatan,pangkat,golongan\r\n\"198503152010011002\",\"Budi Santoso, S.E.\",DISNAKER,\"1571021503850001\",budi.santoso@kota.go.id,081234567890,Kepala Bidang Penempatan Tenaga Kerja,Pembina,IV/a\r\n",
    };
}
