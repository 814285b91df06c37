namespace JobsPortal.Data.Entities;

public class BusinessUnit
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Unit> Units { get; set; } = [];
}

/// <summary>A team inside a business unit; jobs are assigned to a unit and a user.</summary>
public class Unit
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int BusinessUnitId { get; set; }
    public BusinessUnit BusinessUnit { get; set; } = null!;
}
