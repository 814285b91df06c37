using System.ComponentModel.DataAnnotations;
using JobsPortal.Data.Entities;

namespace JobsPortal.Features.Admin;

/// <summary>The add-a-person form.</summary>
public sealed class NewPersonForm
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [Required, StringLength(100)]
    public string DisplayName { get; set; } = "";

    public int? UnitId { get; set; }

    [MinLength(1, ErrorMessage = "Give the person at least one role.")]
    public List<string> Roles { get; set; } = [];
}

/// <summary>The edit-a-person form; <see cref="Version"/> is the person's version when the form was opened.</summary>
public sealed class PersonForm
{
    public string UserId { get; set; } = "";

    [Required, StringLength(100)]
    public string DisplayName { get; set; } = "";

    public int? UnitId { get; set; }

    [MinLength(1, ErrorMessage = "Give the person at least one role.")]
    public List<string> Roles { get; set; } = [];

    public long Version { get; set; }
}

/// <summary>What the people list filters on; all optional.</summary>
public sealed record PeopleQuery(
    string? Search = null, string? Role = null, int? UnitId = null, bool? Locked = null, bool? Deactivated = null,
    int Page = 0, int PageSize = 25);

public sealed record PersonRow(
    string Id, string Email, string DisplayName, string? Unit, IReadOnlyList<string> Roles, bool Locked, bool Deactivated);

public sealed record PeoplePage(IReadOnlyList<PersonRow> Rows, int Total);

public sealed record SignInRow(DateTime CreatedUtc, DateTime LastSeenUtc, DateTime? EndedUtc, string? Address, string? UserAgent);

public sealed record PersonDetail(
    string Id, string Email, string DisplayName, int? UnitId, IReadOnlyList<string> Roles,
    bool Locked, DateTimeOffset? LockedUntil, bool Deactivated, bool HasPassword, long Version,
    IReadOnlyList<SignInRow> SignIns, IReadOnlyList<AdminAuditEntry> History)
{
    public PersonForm ToForm() => new() { UserId = Id, DisplayName = DisplayName, UnitId = UnitId, Roles = [.. Roles], Version = Version };
}

/// <summary>A new person, or a new set-password link: the address to pass on, and until when it works.</summary>
public sealed record SetPasswordLink(string UserId, string RelativeUrl, DateTime ValidUntilUtc);
