using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Numbering;

/// <summary>
/// An OPD's number format and unit code, and the letterhead lines it overrides. <see cref="Address"/> and <see cref="Contact"/> are
/// overrides: left empty, the letterhead prints the OPD's address and contacts from the organisation directory.
/// </summary>
public sealed record NumberingSettingsInput(string Template, string UnitCode, string? Address, string? Contact);

/// <summary>The settings page's view: what is configured, and what the organisation directory gives when nothing is.</summary>
/// <param name="Current">The saved settings, or the defaults (default template, the OPD's code, no overrides) when none were saved.</param>
/// <param name="DirectoryAddress">The letterhead's address line from the directory (empty when the directory has none).</param>
/// <param name="DirectoryContact">The letterhead's contact line from the directory, or null.</param>
public sealed record NumberingSettingsView(NumberingSettingsInput Current, string DefaultUnitCode, string DirectoryAddress, string? DirectoryContact);

/// <summary>Reads and changes an OPD's numbering settings; only that OPD's administrator changes them, audited.</summary>
public sealed class NumberingSettings(LettersDbContext db, IOrganizationDirectory directory, IAuditTrail audit, TimeProvider clock)
{
    public async Task<NumberingSettingsView> GetAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        var agency = await directory.GetAgencyAsync(agencyId, cancellationToken);
        var unitCode = LetterNumberFormat.DefaultUnitCode(agency?.Code, agency?.Name ?? string.Empty);
        var current = await db.NumberingFormats.AsNoTracking().Where(f => f.AgencyId == agencyId)
            .Select(f => new NumberingSettingsInput(f.Template, f.UnitCode, f.Address, f.Contact)).FirstOrDefaultAsync(cancellationToken)
            ?? new NumberingSettingsInput(LetterNumberFormat.DefaultTemplate, unitCode, null, null);
        return new NumberingSettingsView(current, unitCode, agency?.AddressLine ?? string.Empty, agency?.ContactLine);
    }

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
