using Superapps.Datasets.Domain;

namespace Superapps.Datasets.Tests;

public sealed class DatasetTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static Dataset Monthly() => Dataset.Create(" penduduk ", " Jumlah Penduduk ", " ", Guid.CreateVersion7(),
        DatasetSchema.Create([new("kecamatan", ColumnType.Text, Required: true, Key: true)]), new UpdateSchedule(UpdateFrequency.Monthly, 10),
        new ReportingPeriod(UpdateFrequency.Monthly, 2026, 8), Now);

    [Fact]
    public void A_new_entry_is_trimmed_active_and_published_under_the_default_licence()
    {
        var dataset = Monthly();

        (dataset.Code, dataset.Title, dataset.Description, dataset.IsActive, dataset.License).ShouldBe(("penduduk", "Jumlah Penduduk", null, true, Dataset.DefaultLicense));
        dataset.Since.Key.ShouldBe("2026-08");
    }

    [Fact]
    public void Changing_the_frequency_keeps_the_first_period_as_the_same_time_in_the_new_terms()
    {
        var dataset = Monthly();

        dataset.Update("Jumlah Penduduk", null, dataset.ProducerAgencyId, dataset.Schema, new UpdateSchedule(UpdateFrequency.Quarterly, 15), Now.AddDays(1));

        (dataset.Frequency, dataset.DueDay, dataset.FirstPeriod, dataset.UpdatedAt).ShouldBe((UpdateFrequency.Quarterly, 15, "2026-Q3", Now.AddDays(1)));
    }

    [Fact]
    public void Keywords_are_trimmed_once_each_whatever_their_case_and_a_blank_licence_is_the_default()
    {
        var dataset = Monthly();

        dataset.Describe([" penduduk ", "Penduduk", "", "kecamatan"], " ", Now);

        dataset.Keywords.ShouldBe(["penduduk", "kecamatan"]);
        dataset.License.ShouldBe(Dataset.DefaultLicense);
    }
}
