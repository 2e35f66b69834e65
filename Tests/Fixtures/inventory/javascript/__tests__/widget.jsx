import { render } from '@testing-library/react';

function Widget({ label }) {
  return <p className="label">{label}</p>;
}

describe('Widget', () => {
  it('renders the label', () => {
    const { getByText } = render(<Widget label="it('x')" />);
    expect(getByText("it('x')")).toBeTruthy();
  });

  it('renders nothing without a label', () => {
    const view = render(<div><Widget /></div>);
    expect(view.container.textContent).toBe('');
  });
});
