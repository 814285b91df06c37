using JobsPortal.Shared;

namespace JobsPortal.Features.Admin;

/// <summary>The stable codes of the admin area's expected failures.</summary>
public static class AdminErrors
{
    public const string NotAllowed = "NOT_ALLOWED";
    public const string Invalid = "INVALID";
    public const string NotFound = "NOT_FOUND";
    public const string Duplicate = "DUPLICATE";
    public const string Changed = "CHANGED_BY_SOMEONE_ELSE";
    public const string LastAdmin = "LAST_ACTIVE_ADMIN";
    public const string Self = "NOT_ON_YOURSELF";
    public const string InUse = "IN_USE";
    public const string DefaultNeeded = "NEW_DEFAULT_NEEDED";
    public const string Deactivated = "DEACTIVATED";
    public const string NotEmpty = "NOT_EMPTY";
}

/// <summary>An admin operation's outcome: done, or a stable code and a sentence for the admin. Nothing was changed on a failure.</summary>
public record AdminResult(string? Code, string? Message)
{
    public bool Succeeded => Code is null;

    /// <summary>When the sentence names a moment (changed by whom and when): kept so the page shows it on the viewer's clock.</summary>
    public TimedSentence? Timed { get; private init; }

    public string? MessageIn(TimeZoneInfo zone) => Timed?.In(zone) ?? Message;

    public static AdminResult Fail(string code, TimedSentence sentence) => new(code, sentence.InUtc) { Timed = sentence };

    public static AdminResult Ok { get; } = new(null, null);

    public static AdminResult Fail(string code, string message) => new(code, message);

    /// <summary>This failure as the failure of an operation that answers a <typeparamref name="T"/>.</summary>
    public AdminResult<T> As<T>() => new(default, Code, Message) { Timed = Timed };
}

/// <summary>An admin operation that also answers something (a new id, a set-password link).</summary>
public sealed record AdminResult<T>(T? Value, string? Code, string? Message) : AdminResult(Code, Message)
{
    public static AdminResult<T> Done(T value) => new(value, null, null);
}
