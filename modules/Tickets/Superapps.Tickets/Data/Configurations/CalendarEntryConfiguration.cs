using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Tickets.Domain.Calendar;

namespace Superapps.Tickets.Data.Configurations;

internal sealed class CalendarEntryConfiguration : IEntityTypeConfiguration<CalendarEntry>
{
    /// <summary>The exclusion constraint that refuses overlapping days off even when two administrators save at once.</summary>
    public const string NoOverlapConstraint = "ex_calendar_entries_no_overlap";

    public void Configure(EntityTypeBuilder<CalendarEntry> builder)
    {
        builder.ToTable("calendar_entries", t =>
            t.HasCheckConstraint("ck_calendar_entries_range", "last_day >= first_day"));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.CreatedBy).HasMaxLength(200);
        builder.HasIndex(e => e.FirstDay);
        // EXCLUDE USING gist (daterange(first_day, last_day, '[]') WITH &&) is added by the migration (EF Core has no API for it).
    }
}
