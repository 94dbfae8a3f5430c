// A small, realistic set of postings where the right answer to a clear query is obvious to a
// person: what the relevance tests search. Dates are relative to `now` so recency is stable.

const day = 86_400_000;
export function relevanceSet(now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * day).toISOString();
  return [
    { id: 'r-nurse', title: 'Registered Nurse, Intensive Care', company: 'St. Mary Hospital', city: 'Dublin', country: 'Ireland', skills: ['Patient care', 'ICU'], description: 'Care for critically ill patients on night and day shifts.', postedAt: ago(20) },
    { id: 'r-hospital-accountant', title: 'Hospital Accountant', company: 'St. Mary Hospital', city: 'Dublin', country: 'Ireland', skills: ['IFRS'], description: 'Work with the nurse managers and doctors on ward budgets. The nurse rota affects costs.', postedAt: ago(1) },
    { id: 'r-devops', title: 'DevOps Engineer', company: 'Umbrella', city: 'Toronto', country: 'Canada', skills: ['Kubernetes', 'Terraform', 'AWS'], description: 'Run our platform and CI pipelines.', postedAt: ago(30) },
    { id: 'r-backend', title: 'Senior Backend Engineer', company: 'Acme', city: 'Berlin', country: 'Germany', skills: ['Go', 'PostgreSQL'], description: 'Payment APIs. Our services run on Kubernetes, which you will learn.', postedAt: ago(2) },
    { id: 'r-frontend', title: 'Frontend Engineer (Angular)', company: 'Initech', city: 'Lisbon', country: 'Portugal', remote: true, skills: ['Angular', 'TypeScript', 'RxJS'], description: 'Build the customer portal.', postedAt: ago(5) },
    { id: 'r-ml', title: 'Machine Learning Engineer', company: 'Globex', city: 'San Francisco', country: 'United States', skills: ['Python', 'PyTorch'], description: 'Train ranking models and ship them.', postedAt: ago(10) },
    { id: 'r-analyst', title: 'Data Analyst', company: 'Globex', city: 'Berlin', country: 'Germany', skills: ['SQL', 'Tableau'], description: 'Dashboards for sales. Some machine learning exposure is a plus.', postedAt: ago(3) },
    { id: 'r-pm', title: 'Product Manager, Payments', company: 'Acme', city: 'Berlin', country: 'Germany', remote: true, skills: ['Roadmaps'], description: 'Own the payments roadmap.', postedAt: ago(4) },
    { id: 'r-chef', title: 'Pastry Chef', company: 'Le Petit', city: 'Paris', country: 'France', skills: ['Pastry', 'French cuisine'], description: 'Croissants at dawn.', postedAt: ago(6) },
    { id: 'r-driver', title: 'Truck Driver', company: 'Haulers', city: 'Hamburg', country: 'Germany', skills: ['CE licence'], description: 'Long-haul routes across Europe.', postedAt: ago(90) },
    { id: 'r-designer', title: 'UX Designer', company: 'Initech', city: 'Lisbon', country: 'Portugal', remote: true, skills: ['Figma', 'User research'], description: 'Design flows with engineers. <script>alert(1)</script> is text here.', postedAt: ago(8) },
    { id: 'r-java', title: 'Java Developer', company: 'Umbrella', city: 'Toronto', country: 'Canada', skills: ['Java', 'Spring'], description: 'Banking back office systems.', postedAt: ago(200) },
  ];
}
