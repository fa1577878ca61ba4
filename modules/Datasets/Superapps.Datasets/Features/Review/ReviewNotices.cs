using System.Globalization;
using Microsoft.Extensions.Options;
using Superapps.Datasets.Domain;
using Superapps.Notifications.Contracts;
using Superapps.Organization.Contracts;

namespace Superapps.Datasets.Features.Review;

/// <summary>
/// What the review tells people, after the change is committed: the walidata that an upload waits (<see cref="DatasetReviewOptions"/>),
/// the uploader that their upload was approved or returned (with the reasons and the note). Each notice links to the version page.
/// </summary>
public sealed class ReviewNotices(INotifier notifier, IOrganizationDirectory directory, IOptions<DatasetReviewOptions> options)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The version page: <c>/data/{code}/versi/{number}</c>.</summary>
    public static string Link(string datasetCode, int number) => $"/data/{Uri.EscapeDataString(datasetCode)}/versi/{number}";

    /// <summary>The walidata: holders of the marked positions of the walidata's OPD; empty when the chart has none.</summary>
    public async Task<IReadOnlyList<Guid>> CustodiansAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var agency = (await directory.ListAgenciesAsync(cancellationToken))
            .FirstOrDefault(a => string.Equals(a.Code, settings.CustodianAgencyCode, StringComparison.OrdinalIgnoreCase));
        if (agency is null)
        {
            return [];
        }

        var positions = await directory.ListAgencyPositionsAsync(agency.AgencyId, cancellationToken);
        return [.. positions.Where(p => p.IsActive && p.Title.Contains(settings.CustodianPositionMarker, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Holders).Select(h => h.EmployeeId).Distinct()];
    }

    /// <summary>Tells the walidata (never the uploader themself) that a version waits for review.</summary>
    public async Task SubmittedAsync(Dataset dataset, DatasetVersion version, int rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(version);
        var to = (await CustodiansAsync(cancellationToken)).Where(id => id != version.UploadedById).ToList();
        if (to.Count == 0)
        {
            return;
        }

        var period = ReportingPeriod.Parse(dataset.Frequency, version.Period);
        await notifier.NotifyAsync(new Notice(to, NoticeTopic.DataUpdate, $"datasets.version:{version.Id}:submitted",
            Both(() => Bilingual($"Data {dataset.Title} periode {period.Label} menunggu pemeriksaan",
                $"Data {dataset.Title} for {period.Label} awaits review")),
            Both(() => Bilingual($"Versi {version.Number}, {rows} baris, diunggah oleh {version.UploadedByName}.",
                $"Version {version.Number}, {rows} rows, uploaded by {version.UploadedByName}.")),
            Link(dataset.Code, version.Number)), cancellationToken);
    }

    /// <summary>Tells the uploader that their version was approved (and so published) or returned, with the reasons and the note.</summary>
    public async Task ReviewedAsync(Dataset dataset, DatasetVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(version);
        var period = ReportingPeriod.Parse(dataset.Frequency, version.Period);
        var link = Link(dataset.Code, version.Number);
        Notice notice = version.Status == VersionStatus.Approved
            ? new([version.UploadedById], NoticeTopic.DataUpdate, $"datasets.version:{version.Id}:approved",
                Both(() => Bilingual($"Data {dataset.Title} periode {period.Label} disetujui dan sudah tayang",
                    $"Data {dataset.Title} for {period.Label} was approved and is published")),
                version.ReviewNote is { } note
                    ? Both(() => Bilingual($"Catatan walidata: {note}", $"The walidata's note: {note}"))
                    : null,
                link)
            : new([version.UploadedById], NoticeTopic.DataUpdate, $"datasets.version:{version.Id}:returned",
                Both(() => Bilingual($"Data {dataset.Title} periode {period.Label} dikembalikan", $"Data {dataset.Title} for {period.Label} was returned")),
                Both(() => ReturnBody(version)),
                link);
        await notifier.NotifyAsync(notice, cancellationToken);
    }

    private static string ReturnBody(DatasetVersion version)
    {
        var reasons = string.Join("; ", version.ReturnReasons.Select(r => $"{r.Code()} {r.Label()}"));
        var text = Bilingual($"Alasan: {reasons}.", $"Reasons: {reasons}.");
        return version.ReviewNote is { } note ? $"{text} {Bilingual("Catatan", "Note")}: {note}" : text;
    }

    private static string Bilingual(string indonesian, string english) => SharedKernel.Bilingual.T(indonesian, english);

    /// <summary>A text built by the module's labels (which follow the UI culture) in Indonesian and in English.</summary>
    private static BilingualText Both(Func<string> text)
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Indonesian;
            var indonesian = text();
            CultureInfo.CurrentUICulture = English;
            return new BilingualText(indonesian, text());
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
