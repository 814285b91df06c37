namespace JobsPortal.Data.Entities;

/// <summary>
/// One sign-in through the form: its id travels in the sign-in cookie, and the cookie is honoured
/// only while this row exists and is not ended. Signing out ends it; so does a changed password,
/// a lockout or a removed account, the moment the cookie is next checked. The rows stay after they
/// end, as the person's recent sign-ins (when, from which address, with which browser).
/// </summary>
public class UserSession
{
    public const int AddressMaxLength = 45; // the longest text form of an IPv6 address
    public const int UserAgentMaxLength = 300;

    public required string Id { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
    public DateTime CreatedUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }
    public DateTime? EndedUtc { get; set; }
    public string? Address { get; set; }
    public string? UserAgent { get; set; }
}
