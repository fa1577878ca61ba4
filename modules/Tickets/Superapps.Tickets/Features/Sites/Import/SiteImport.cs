using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Tabular;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Features.Sites.Import;

/// <summary>
/// What an import would do or did: counts of nodes and sites created and updated, or the errors by row and column (row 0: the file
/// as a whole). When there is any error nothing is saved.
/// </summary>
public sealed record SiteImportResult(int Rows, int NodesCreated, int NodesUpdated, int SitesCreated, int SitesUpdated, IReadOnlyList<RowError> Errors, bool Applied)
{
    public bool Succeeded => Errors.Count == 0;

    public static SiteImportResult FileError(UserError error) => new(0, 0, 0, 0, 0, [new RowError(0, null, error)], false);
}

/// <summary>
/// Imports network nodes and sites from CSV or XLSX, upserting by code. A row with <c>kode</c> is a site, hanging off the node
/// <c>kode_simpul</c>; a row with <c>kode</c> empty declares the node <c>kode_simpul</c> named <c>nama_simpul</c> under
/// <c>induk</c> (empty: a core; on an existing node, keeps its parent). <see cref="PreviewAsync"/> checks every row and says what
/// would change; <see cref="ApplyAsync"/> checks again and saves everything in one transaction, or nothing when any row is wrong.
/// </summary>
public sealed class SiteImport(TicketsDbContext db, SiteRegister register, IOrganizationDirectory directory, IAuditTrail audit, TimeProvider clock)
{
    public const long MaximumBytes = 5 * 1024 * 1024;

    public const int MaximumRows = 10_000;

    public static readonly IReadOnlyList<ColumnSpec> Columns =
    [
        new("kode"), new("nama"), new("jenis"), new("kode_opd"), new("kode_simpul", true, "simpul"), new("alamat", false),
        new("lintang", false, "latitude", "lat"), new("bujur", false, "longitude", "lon", "lng"), new("nama_simpul", false), new("induk", false, "induk_simpul"),
    ];

    /// <summary>How the rows are read (<see cref="ImportRows"/>): the columns, the row limit, this import's error codes and where the site rules' fields sit.</summary>
    internal static readonly ImportRowRules Rows = new(Columns, MaximumRows, SiteImportErrors.Required, new Dictionary<string, string>
    {
        ["code"] = "kode",
        ["name"] = "nama",
        ["kind"] = "jenis",
        ["agency"] = "kode_opd",
        ["address"] = "alamat",
        ["latitude"] = "lintang",
        ["longitude"] = "bujur",
        ["node"] = "kode_simpul",
        ["parent"] = "kode_simpul",
    });

    /// <summary>The template offered for download: a node row and two site rows.</summary>
    public const string Template = "kode,nama,jenis,kode_opd,alamat,lintang,bujur,kode_simpul,nama_simpul,induk\r\n"
        + ",,,,,,,DIST-CONTOH,Distribusi Kecamatan Contoh,CORE-DC\r\n"
        + "KEL-CONTOH,Kantor Kelurahan Contoh,Kelurahan,KEL-CONTOH,\"Jalan Contoh Nomor 1, Jambi\",-1.6101,103.6131,DIST-CONTOH,,\r\n"
        + "SDN-CONTOH,SD Negeri Contoh,Sekolah,DISDIK,,,,DIST-CONTOH,,\r\n";

    public Task<SiteImportResult> PreviewAsync(Stream stream, string fileName, CancellationToken cancellationToken = default) =>
        RunAsync(stream, fileName, apply: false, cancellationToken);

    public Task<SiteImportResult> ApplyAsync(Stream stream, string fileName, CancellationToken cancellationToken = default) =>
        RunAsync(stream, fileName, apply: true, cancellationToken);

    /// <summary>Reads a site kind as people write it: Indonesian or English labels, or the enum's name.</summary>
    public static SiteKind? ParseKind(string text) => Simplify(text) switch
    {
        "kantoropd" or "opd" or "opdoffice" or "kantor" => SiteKind.OpdOffice,
        "kecamatan" or "kantorkecamatan" => SiteKind.Kecamatan,
        "kelurahan" or "kantorkelurahan" or "desa" => SiteKind.Kelurahan,
        "sekolah" or "school" => SiteKind.School,
        "pusatdata" or "datacenter" or "datacentre" or "dc" => SiteKind.DataCentre,
        "lainnya" or "lain" or "other" => SiteKind.Other,
        _ => null,
    };

    /// <summary>Decimal degrees with a point, or a decimal comma (as Indonesian spreadsheets write them); null when not a number.</summary>
    public static double? ParseDegrees(string text)
    {
        var value = text.Trim();
        if (!value.Contains('.', StringComparison.Ordinal) && value.Count(c => c == ',') == 1)
        {
            value = value.Replace(',', '.');
        }

        return double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
    }

    private static string Simplify(string text) => new([.. text.Trim().ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    private async Task<SiteImportResult> RunAsync(Stream stream, string fileName, bool apply, CancellationToken cancellationToken)
    {
        ImportRows rows;
        try
        {
            rows = await ImportRows.ReadAsync(stream, TabularReader.FormatOf(fileName), Rows, cancellationToken);
        }
        catch (TabularFileException ex)
        {
            return SiteImportResult.FileError(ex.Error);
        }

        if (!apply)
        {
            var plan = await PlanAsync(rows, cancellationToken);
            return plan.Result(rows, applied: false);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await register.LockTreeAsync(cancellationToken);
            var plan = await PlanAsync(rows, cancellationToken);
            if (rows.Errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return plan.Result(rows, applied: false);
            }

            await plan.SaveAsync(db, clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return plan.Result(rows, applied: true);
        });

        if (outcome.Applied)
        {
            await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "sites.imported", "SiteImport", fileName,
                $"Impor lokasi {fileName}: {outcome.NodesCreated} simpul baru, {outcome.NodesUpdated} simpul diperbarui, {outcome.SitesCreated} lokasi baru, {outcome.SitesUpdated} lokasi diperbarui",
                new { fileName, outcome.Rows, outcome.NodesCreated, outcome.NodesUpdated, outcome.SitesCreated, outcome.SitesUpdated }), cancellationToken);
        }

        return outcome;
    }

    private async Task<ImportPlan> PlanAsync(ImportRows rows, CancellationToken cancellationToken)
    {
        var nodes = await db.NetworkNodes.ToDictionaryAsync(n => n.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var sites = await db.Sites.ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var agencies = (await directory.ListAgenciesAsync(cancellationToken)).ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        var plan = new ImportPlan(nodes, sites);

        // Nodes first: site rows may hang off nodes declared anywhere in the file.
        var seenNodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Rows.Where(r => !rows.Has(r, "kode")))
        {
            var code = rows.Required(row, "kode_simpul")?.ToUpperInvariant();
            var name = rows.Required(row, "nama_simpul");
            var parent = rows.Optional(row, "induk")?.ToUpperInvariant();
            if (code is not null && !seenNodes.TryAdd(code, row.Number))
            {
                rows.Error(row, "kode_simpul", SiteImportErrors.DuplicateInFile("kode_simpul", seenNodes[code]));
                continue;
            }

            if (code is null || name is null)
            {
                continue;
            }

            rows.Check(row, () => NetworkNode.Core(Guid.Empty, code, name, DateTimeOffset.MinValue), field => field == "name" ? "nama_simpul" : "kode_simpul");
            if (nodes.TryGetValue(code, out var existing) && existing.Kind == NetworkNodeKind.Core && parent is not null)
            {
                rows.Error(row, "induk", SiteImportErrors.CoreHasParent);
            }

            plan.Nodes.Add(new NodeRow(row.Number, code, name, parent));
        }

        var known = new HashSet<string>(nodes.Keys.Concat(plan.Nodes.Select(n => n.Code)), StringComparer.OrdinalIgnoreCase);
        foreach (var node in plan.Nodes.Where(n => n.Parent is not null && !known.Contains(n.Parent)))
        {
            rows.Error(node.Row, "induk", SiteImportErrors.UnknownNode(node.Parent!, "induk"));
        }

        var cycles = NetworkTree.FindCycles(plan.FinalParents());
        foreach (var node in plan.Nodes.Where(n => cycles.Contains(n.Code)))
        {
            rows.Error(node.Row, "induk", SiteImportErrors.Cycle(node.Code));
        }

        var seenSites = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Rows.Where(r => rows.Has(r, "kode")))
        {
            var code = rows.Required(row, "kode")?.ToUpperInvariant();
            var name = rows.Required(row, "nama");
            var kindText = rows.Required(row, "jenis");
            var agencyCode = rows.Required(row, "kode_opd");
            var nodeCode = rows.Required(row, "kode_simpul")?.ToUpperInvariant();
            var kind = kindText is null ? null : ParseKind(kindText);
            if (kindText is not null && kind is null)
            {
                rows.Error(row, "jenis", SiteImportErrors.UnknownKind(kindText));
            }

            AgencyProfile? agency = null;
            if (agencyCode is not null && !agencies.TryGetValue(agencyCode, out agency))
            {
                rows.Error(row, "kode_opd", SiteImportErrors.UnknownAgency(agencyCode));
            }

            if (nodeCode is not null && !known.Contains(nodeCode))
            {
                rows.Error(row, "kode_simpul", SiteImportErrors.UnknownNode(nodeCode, "kode_simpul"));
            }

            if (rows.Optional(row, "nama_simpul") is not null || rows.Optional(row, "induk") is not null)
            {
                rows.Error(row, "nama_simpul", SiteImportErrors.NodeColumnsOnSiteRow);
            }

            var latitude = Degrees(rows, row, "lintang");
            var longitude = Degrees(rows, row, "bujur");
            if (code is not null && !seenSites.TryAdd(code, row.Number))
            {
                rows.Error(row, "kode", SiteImportErrors.DuplicateInFile("kode", seenSites[code]));
                continue;
            }

            if (code is null || name is null || kind is null || agency is null || nodeCode is null)
            {
                continue;
            }

            var details = new SiteDetails(code, name, kind.Value, agency.AgencyId, agency.Name, rows.Optional(row, "alamat"), latitude, longitude);
            rows.Check(row, () => details = SiteRules.Check(details));
            plan.Sites.Add(new SiteRow(row.Number, details, nodeCode));
        }

        return plan;
    }

    private static double? Degrees(ImportRows rows, TabularRow row, string column)
    {
        if (rows.Optional(row, column, numberAllowed: true) is not { } text)
        {
            return null;
        }

        var value = ParseDegrees(text);
        if (value is null)
        {
            rows.Error(row, column, SiteImportErrors.Number(column));
        }

        return value;
    }

    private sealed record NodeRow(int Row, string Code, string Name, string? Parent);

    private sealed record SiteRow(int Row, SiteDetails Details, string NodeCode);

    private sealed class ImportPlan(Dictionary<string, NetworkNode> nodes, Dictionary<string, Site> sites)
    {
        private int _nodesCreated;
        private int _sitesCreated;

        public List<NodeRow> Nodes { get; } = [];

        public List<SiteRow> Sites { get; } = [];

        /// <summary>Every node's parent code once the file is applied.</summary>
        public Dictionary<string, string?> FinalParents()
        {
            var codes = nodes.Values.ToDictionary(n => n.Id, n => n.Code);
            var parents = nodes.Values.ToDictionary(n => n.Code, n => n.ParentId is { } p ? codes[p] : null, StringComparer.OrdinalIgnoreCase);
            foreach (var node in Nodes)
            {
                parents[node.Code] = node.Parent ?? (parents.TryGetValue(node.Code, out var current) ? current : null);
            }

            return parents;
        }

        public SiteImportResult Result(ImportRows rows, bool applied)
        {
            var nodesCreated = applied ? _nodesCreated : Nodes.Count(n => !nodes.ContainsKey(n.Code));
            var sitesCreated = applied ? _sitesCreated : Sites.Count(s => !sites.ContainsKey(s.Details.Code));
            return rows.Errors.Count > 0
                ? new SiteImportResult(rows.Rows.Count, 0, 0, 0, 0, [.. rows.Errors.OrderBy(e => e.Row)], false)
                : new SiteImportResult(rows.Rows.Count, nodesCreated, Nodes.Count - nodesCreated, sitesCreated, Sites.Count - sitesCreated, [], applied);
        }

        public async Task SaveAsync(TicketsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var parents = FinalParents();
            // Parents before children: one level of the tree per save, so every new node's parent row exists when it is inserted.
            foreach (var level in Nodes.GroupBy(n => Depth(n.Code, parents)).OrderBy(g => g.Key))
            {
                foreach (var row in level)
                {
                    if (nodes.TryGetValue(row.Code, out var node))
                    {
                        node.Rename(row.Name);
                        if (row.Parent is not null && nodes[row.Parent].Id != node.ParentId)
                        {
                            node.MoveUnder(nodes[row.Parent], Descendants(row.Code, parents));
                        }
                    }
                    else
                    {
                        node = row.Parent is null
                            ? NetworkNode.Core(Guid.CreateVersion7(), row.Code, row.Name, now)
                            : NetworkNode.Distribution(Guid.CreateVersion7(), row.Code, row.Name, nodes[row.Parent], now);
                        nodes[row.Code] = node;
                        db.NetworkNodes.Add(node);
                        _nodesCreated++;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            foreach (var row in Sites)
            {
                if (sites.TryGetValue(row.Details.Code, out var site))
                {
                    site.Update(row.Details, nodes[row.NodeCode], now);
                }
                else
                {
                    db.Sites.Add(Site.Create(Guid.CreateVersion7(), row.Details, nodes[row.NodeCode], now));
                    _sitesCreated++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        private static int Depth(string code, Dictionary<string, string?> parents)
        {
            var depth = 0;
            for (var current = parents.GetValueOrDefault(code); current is not null; current = parents.GetValueOrDefault(current))
            {
                depth++;
            }

            return depth;
        }

        private List<Guid> Descendants(string code, Dictionary<string, string?> parents) =>
            [.. parents.Keys.Where(k => !string.Equals(k, code, StringComparison.OrdinalIgnoreCase) && IsBelow(k, code, parents) && nodes.ContainsKey(k)).Select(k => nodes[k].Id)];

        private static bool IsBelow(string node, string ancestor, Dictionary<string, string?> parents)
        {
            for (var current = parents.GetValueOrDefault(node); current is not null; current = parents.GetValueOrDefault(current))
            {
                if (string.Equals(current, ancestor, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
