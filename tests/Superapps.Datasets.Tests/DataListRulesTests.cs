using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.DataList;
using Superapps.Datasets.Features.Uploads;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Tests;

/// <summary>The data list's own rules: the code slug, an entry's checks, the import's text for frequencies and columns, the upload's periods.</summary>
public sealed class DataListRulesTests
{
    private static readonly Guid Disdik = Guid.CreateVersion7();

    private static DatasetDraft Draft() => new("jumlah-sekolah", "Jumlah Sekolah", null, Disdik,
        [new("kecamatan", ColumnType.Text, Required: true, Key: true), new("jumlah", ColumnType.WholeNumber, Required: true)],
        UpdateFrequency.Monthly, 10, "2026-01", ["pendidikan"], null);

    [Theory]
    [InlineData("jumlah-sekolah-per-kecamatan")]
    [InlineData("apbd2026")]
    [InlineData("a")]
    [InlineData("ktp-el-2")]
    public void A_code_of_lowercase_letters_digits_and_single_inner_hyphens_is_valid(string code) => DatasetCode.IsValid(code).ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("Jumlah-Sekolah")]
    [InlineData("jumlah sekolah")]
    [InlineData("jumlah_sekolah")]
    [InlineData("-jumlah")]
    [InlineData("jumlah-")]
    [InlineData("jumlah--sekolah")]
    [InlineData("sekolah/kecamatan")]
    [InlineData("penduduk-ñ")]
    public void Any_other_code_is_refused(string code) => DatasetCode.IsValid(code).ShouldBeFalse();

    [Fact]
    public void A_code_longer_than_the_limit_is_refused() => DatasetCode.IsValid(new string('a', DatasetCode.MaxLength + 1)).ShouldBeFalse();

    [Fact]
    public void A_good_entry_passes_and_gives_its_schema_schedule_and_first_period()
    {
        var (schema, schedule, first) = Draft().Check(new HashSet<Guid> { Disdik });

        schema.Columns.Count.ShouldBe(2);
        schedule.ShouldBe(new UpdateSchedule(UpdateFrequency.Monthly, 10));
        first.Key.ShouldBe("2026-01");
    }

    [Fact]
    public void Every_problem_of_an_entry_is_reported_at_once_with_its_field_in_both_languages()
    {
        var draft = Draft() with
        {
            Code = "Jumlah Sekolah", Title = " ", ProducerAgencyId = Guid.NewGuid(), DueDay = 32, FirstPeriod = "2026-Q1",
            Columns = [new("kecamatan", ColumnType.Text, Key: true), new("Kecamatan", ColumnType.Text)],
        };

        var errors = Should.Throw<DomainRuleException>(() => draft.Check(new HashSet<Guid> { Disdik })).Errors;

        errors.Select(e => e.Field).ShouldBe(["code", "title", "producer", "columns", "columns", "dueDay", "firstPeriod"], ignoreOrder: true);
        errors.ShouldContain(DataListErrors.CodeFormat(DatasetCode.MaxLength));
        errors.ShouldContain(DatasetErrors.DuplicateColumn("Kecamatan"));
        errors.ShouldContain(DatasetErrors.KeyNotRequired("kecamatan"));
        errors.ShouldAllBe(e => e.Indonesian.Length > 0 && e.English.Length > 0 && e.Indonesian != e.English);
    }

    [Theory]
    [InlineData("bulanan", UpdateFrequency.Monthly)]
    [InlineData(" Triwulanan ", UpdateFrequency.Quarterly)]
    [InlineData("semesteran", UpdateFrequency.HalfYearly)]
    [InlineData("half-yearly", UpdateFrequency.HalfYearly)]
    [InlineData("TAHUNAN", UpdateFrequency.Yearly)]
    public void Frequencies_read_in_Indonesian_or_English(string text, UpdateFrequency expected) => DataListText.ParseFrequency(text).ShouldBe(expected);

    [Fact]
    public void An_unknown_frequency_reads_as_none() => DataListText.ParseFrequency("mingguan").ShouldBeNull();

    [Fact]
    public void A_column_list_reads_names_types_and_flags_in_order()
    {
        var (columns, errors) = DataListText.ParseColumns("kecamatan:teks:wajib:kunci:maks=60; jumlah_penduduk : bilangan-bulat : wajib ;luas:angka; tanggal_data:tanggal;aktif:ya-tidak");

        errors.ShouldBeEmpty();
        columns.ShouldBe([
            new DatasetColumn("kecamatan", ColumnType.Text, true, true, 60), new DatasetColumn("jumlah_penduduk", ColumnType.WholeNumber, true),
            new DatasetColumn("luas", ColumnType.Number), new DatasetColumn("tanggal_data", ColumnType.Date), new DatasetColumn("aktif", ColumnType.Boolean),
        ]);
    }

    [Fact]
    public void A_column_list_written_back_reads_the_same()
    {
        var (columns, _) = DataListText.ParseColumns("kecamatan:teks:wajib:kunci:maks=60; jumlah:bilangan-bulat:wajib; aktif:ya-tidak");

        DataListText.ParseColumns(DataListText.FormatColumns(columns)).Columns.ShouldBe(columns);
    }

    [Fact]
    public void Each_unreadable_column_is_named_in_its_error()
    {
        var (columns, errors) = DataListText.ParseColumns("kecamatan:teks:wajib; jumlah:uang; luas; nama:teks:penting");

        columns.Select(c => c.Name).ShouldBe(["kecamatan"]);
        errors.Select(e => e.Code).ShouldBe(["datasets.import.column-type", "datasets.import.columns", "datasets.import.columns"]);
        errors[0].Indonesian.ShouldContain("\"uang\"");
        errors[1].English.ShouldContain("\"luas\"");
        errors[2].Indonesian.ShouldContain("nama:teks:penting");
    }

    [Fact]
    public void The_upload_offers_every_period_up_to_the_one_being_collected_and_first_the_oldest_due_without_approval()
    {
        var schedule = new UpdateSchedule(UpdateFrequency.Monthly, 10);
        var since = new ReportingPeriod(UpdateFrequency.Monthly, 2026, 8);

        // 2 December 2026: October is the latest due (10 November); November is being collected (due 10 December).
        var (periods, chosen) = DataListQueries.Periods(schedule, since, new DateOnly(2026, 12, 2), new HashSet<string> { "2026-08", "2026-10" });

        periods.Select(p => p.Key).ShouldBe(["2026-08", "2026-09", "2026-10", "2026-11"]);
        chosen.Key.ShouldBe("2026-09");
        DataListQueries.Periods(schedule, since, new DateOnly(2026, 12, 2), new HashSet<string> { "2026-08", "2026-09", "2026-10" }).Default.Key.ShouldBe("2026-11");
    }

    [Fact]
    public void A_dataset_whose_first_period_is_still_ahead_is_due_first_for_that_period()
    {
        var schedule = new UpdateSchedule(UpdateFrequency.Quarterly, 15);
        var since = new ReportingPeriod(UpdateFrequency.Quarterly, 2027, 2);

        DataListQueries.NextPeriod(schedule, since, new DateOnly(2026, 12, 2)).ShouldBe(since);
        var (periods, chosen) = DataListQueries.Periods(schedule, since, new DateOnly(2026, 12, 2), new HashSet<string>());
        (periods.ShouldHaveSingleItem(), chosen).ShouldBe((since, since));
    }

    [Fact]
    public async Task The_counting_stream_counts_every_byte_and_reports_throttled_and_once_at_the_end()
    {
        var clock = new Superapps.Testing.TestClock(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
        var reports = new List<long>();
        await using var stream = new CountingStream(new MemoryStream(new byte[10_000]), reports.Add, TimeSpan.FromSeconds(1), clock);
        var buffer = new byte[1000];

        (await stream.ReadAsync(buffer, Ct)).ShouldBe(1000);
        (await stream.ReadAsync(buffer, Ct)).ShouldBe(1000);
        clock.Advance(TimeSpan.FromSeconds(1));
        while (await stream.ReadAsync(buffer, Ct) > 0)
        {
        }

        (await stream.ReadAsync(buffer, Ct)).ShouldBe(0);
        stream.BytesRead.ShouldBe(10_000);
        reports.ShouldBe([1000, 3000, 10_000]);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
