using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.OpenData;

/// <summary>The bilingual errors of the open-data site, its downloads and its API.</summary>
public static class OpenDataErrors
{
    public static readonly UserError UnknownDataset = new("datasets.public.dataset",
        "Dataset tidak ditemukan atau belum ada data yang dipublikasikan.", "The dataset was not found, or none of its data is published yet.");

    public static UserError NoApprovedPeriod(string period) => new("datasets.public.period",
        $"Tidak ada data yang disetujui untuk periode \"{period}\".", $"No approved data for the period \"{period}\".", "periode");

    public static readonly UserError UnknownOrganization = new("datasets.public.organization",
        "OPD tidak ditemukan.", "The agency (organization) was not found.", "id");

    public static UserError NotANumber(string name) => new("datasets.public.integer",
        $"\"{name}\" harus bilangan bulat tidak negatif.", $"\"{name}\" must be a whole number, not negative.", name);

    public static UserError TooLarge(string name, int maximum) => new("datasets.public.too-large",
        $"\"{name}\" paling besar {maximum}.", $"\"{name}\" is at most {maximum}.", name);

    public static readonly UserError MissingId = new("datasets.public.id",
        "Parameter \"id\" wajib diisi.", "The parameter \"id\" is required.", "id");

    public static readonly UserError Sort = new("datasets.public.sort",
        "Urutan yang didukung: \"metadata_modified desc\", \"metadata_modified asc\", \"name asc\", \"title_string asc\".",
        "Supported sort orders: \"metadata_modified desc\", \"metadata_modified asc\", \"name asc\", \"title_string asc\".", "sort");

    public static readonly UserError Filter = new("datasets.public.fq",
        "Filter \"fq\" yang didukung hanya organization:<nama>.", "The only supported \"fq\" filter is organization:<name>.", "fq");
}
