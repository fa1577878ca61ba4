using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Numbering;

/// <summary>An OPD's number format, unit code and letterhead address as its settings page shows them.</summary>
public sealed record NumberingSettingsInput(string Template, string UnitCode, string? Address, string? Contact);

/// <summary>Reads and changes an OPD's numbering settings; only that OPD's administrator changes them, audited.</summary>
public sealed class NumberingSettings(LettersDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public async Task<NumberingSettingsInput> GetAsync(Guid agencyId, string agencyName, CancellationToken cancellationToken = default) =>
        await db.NumberingFormats.AsNoTracking().Where(f => f.AgencyId == agencyId)
            .Select(f => new NumberingSettingsInput(f.Template, f.UnitCode, f.Address, f.Contact)).FirstOrDefaultAsync(cancellationToken)
        ?? new NumberingSettingsInput(LetterNumberFormat.DefaultTemplate, LetterNumberFormat.DefaultUnitCode(agencyName), null, null);

    /// <param name="isAgencyAdministrator">The viewer has the agency administrator role (their OPD is <see cref="Viewer.AgencyId"/>).</param>
    public async Task SaveAsync(Viewer viewer, bool isAgencyAdministrator, NumberingSettingsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        if (!isAgencyAdministrator)
        {
            throw new DomainRuleException(DraftingErrors.NotAgencyAdministrator);
        }

        var now = clock.GetUtcNow();
        var format = await db.NumberingFormats.FirstOrDefaultAsync(f => f.AgencyId == viewer.AgencyId, cancellationToken);
        if (format is null)
        {
            db.NumberingFormats.Add(new NumberingFormat(viewer.AgencyId, input.Template, input.UnitCode, input.Address, input.Contact, viewer.Name, now));
        }
        else
        {
            format.Change(input.Template, input.UnitCode, input.Address, input.Contact, viewer.Name, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(LettersDbContext.Schema, "numbering.changed", nameof(NumberingFormat), viewer.AgencyId.ToString(),
            $"Format nomor surat: {input.Template}, kode unit {input.UnitCode}", input), cancellationToken);
    }
}
