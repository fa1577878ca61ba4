using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Pages;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Agenda;

/// <summary>The agenda as a CSV file for a spreadsheet, filtered and masked exactly like the agenda page. Every export is audited.</summary>
internal static class AgendaExportEndpoint
{
    public const string Path = "/surat/agenda.csv";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext context, Viewers viewers, AgendaQueries agenda, IAuditTrail audit,
            string? q, int? year, int? month, DateOnly? from, DateOnly? to, SecurityClass? securityClass, Urgency? urgency, LetterStatus? status) =>
        {
            if (await viewers.ForAsync(context.User, context.RequestAborted) is not { } viewer)
            {
                return Results.Forbid();
            }

            var search = new AgendaSearch(q, year, month, from, to, securityClass, urgency, status);
            IReadOnlyList<AgendaRow> rows;
            try
            {
                rows = await agenda.ExportAsync(viewer, search, context.RequestAborted);
            }
            catch (DomainRuleException ex)
            {
                return Results.Problem(ex.Error.Message(), statusCode: StatusCodes.Status403Forbidden);
            }

            await audit.RecordAsync(new AuditEvent(LettersDbContext.Schema, "agenda.exported", "Agenda", viewer.AgencyId.ToString(),
                $"Agenda surat masuk diekspor ({rows.Count} baris)", new { search.Text, year, month, from, to, securityClass, urgency, status }), context.RequestAborted);
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(Csv(rows), "text/csv; charset=utf-8", $"agenda-surat-masuk-{year?.ToString(CultureInfo.InvariantCulture) ?? "semua"}.csv");
        }).RequireAuthorization(LettersPortalModule.RegisterPolicy);

    internal static byte[] Csv(IReadOnlyList<AgendaRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, Bilingual.T("Nomor agenda", "Agenda number"), Bilingual.T("Diterima (WIB)", "Received (WIB)"), Bilingual.T("Pengirim", "Sender"),
            Bilingual.T("Nomor surat", "Letter number"), Bilingual.T("Tanggal surat", "Letter date"), Bilingual.T("Perihal", "Subject"),
            Bilingual.T("Klasifikasi", "Class"), Bilingual.T("Sifat", "Urgency"), Bilingual.T("Kepada", "To"), Bilingual.T("Status", "Status"));
        foreach (var row in rows)
        {
            var masked = LetterLabels.Masked(row.SecurityClass);
            Line(csv, row.AgendaLabel, Wib.ToWib(row.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), row.Sender ?? masked,
                row.SenderNumber ?? masked, row.SenderDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? masked, row.Subject ?? masked,
                LetterLabels.Of(row.SecurityClass), LetterLabels.Of(row.Urgency), row.AddresseeTitle, LetterLabels.Of(row.Status));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, params string[] fields) => csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");

    // Quoted, and never a formula: a sender typed as "=HYPERLINK(...)" stays text in a spreadsheet.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
