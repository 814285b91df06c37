// Scalar's page template has no lang attribute; set it before the reference renders (WCAG 3.1.1).
document.documentElement.lang = 'en';
