using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Tickets.Features.Reports;

namespace Superapps.Tickets.Data.Configurations;

internal sealed class TicketMonthlyStatsConfiguration : IEntityTypeConfiguration<TicketMonthlyStats>
{
    public void Configure(EntityTypeBuilder<TicketMonthlyStats> builder)
    {
        builder.ToTable("ticket_monthly_stats");
        // The reports read a range of months (optionally one OPD or category): the key starts with the month.
        builder.HasKey(s => new { s.Month, s.AgencyId, s.SiteId, s.Category });
        builder.Property(s => s.Category).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(s => s.Key);
        builder.Ignore(s => s.IsEmpty);
    }
}
